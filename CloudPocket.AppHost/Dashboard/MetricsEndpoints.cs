using CloudPocket.AppHost.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>The metrics page and its JSON: a resource's charts.</summary>
internal static class MetricsEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, MetricsStore metrics)
    {
        routes.MapGet("/metrics", (HttpContext context) => DashboardAssets.WriteAsync(context, "metrics.html"));
        routes.MapGet("/api/metrics", (string? resource) =>
            TypedResults.Json(metrics.Series(resource), DashboardJsonContext.Default.IReadOnlyListMetricSeries));
    }
}
