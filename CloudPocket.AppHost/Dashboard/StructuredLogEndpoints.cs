using CloudPocket.AppHost.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>The structured logs page and its JSON, filtered by resource, lowest level and text on the server.</summary>
internal static class StructuredLogEndpoints
{
    // The first OTLP severity number of each level's band of four.
    private static readonly Dictionary<string, int> LowestSeverity = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Trace"] = 1, ["Debug"] = 5, ["Information"] = 9, ["Warning"] = 13, ["Error"] = 17, ["Critical"] = 21,
    };

    public static void Map(IEndpointRouteBuilder routes, LogStore logs)
    {
        routes.MapGet("/structured", (HttpContext context) => DashboardAssets.WriteAsync(context, "structured.html"));
        routes.MapGet("/api/logs", (string? resource, string? level, string? text) => TypedResults.Json(
            logs.Query(resource, level is not null && LowestSeverity.TryGetValue(level, out var severity) ? severity : 0, text),
            DashboardJsonContext.Default.IReadOnlyListStructuredLogRecord));
    }
}
