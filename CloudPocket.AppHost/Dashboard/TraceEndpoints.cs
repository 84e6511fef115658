using CloudPocket.AppHost.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>The traces pages and their JSON: the list of traces and one trace's spans.</summary>
internal static class TraceEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, TraceStore traces)
    {
        routes.MapGet("/traces", (HttpContext context) => DashboardAssets.WriteAsync(context, "traces.html"));
        routes.MapGet("/trace", (HttpContext context) => DashboardAssets.WriteAsync(context, "trace.html"));
        routes.MapGet("/api/traces", () => TypedResults.Json(traces.ListTraces(), DashboardJsonContext.Default.IReadOnlyListTraceSummary));
        routes.MapGet("/api/traces/{traceId}", (string traceId) => TypedResults.Json(traces.GetTrace(traceId), DashboardJsonContext.Default.IReadOnlyListSpanRecord));
    }
}
