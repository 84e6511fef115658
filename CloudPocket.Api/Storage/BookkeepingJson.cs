using System.Text.Json;

namespace CloudPocket.Api.Storage;

// One JSON shape for what the service keeps under its reserved prefix (journal and snapshots): snake_case, as the API.
internal static class BookkeepingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
