using System.Text.Json.Serialization;

namespace CloudPocket.Tests.Support;

// A share link as the API answers it.
public sealed record LinkResult(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("url")] Uri Url,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("max_downloads")] int? MaxDownloads,
    [property: JsonPropertyName("downloads")] int Downloads,
    [property: JsonPropertyName("has_password")] bool HasPassword);
