using CloudPocket.AppHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>The pages and the JSON / event-stream API behind them. All of it sits behind <see cref="DashboardAuthentication"/>.</summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, Orchestrator app, ResourceActions actions, CancellationToken stopping)
    {
        routes.MapGet("/", (HttpContext context) => DashboardAssets.WriteAsync(context, "index.html"));
        routes.MapGet("/logs", (HttpContext context) => DashboardAssets.WriteAsync(context, "logs.html"));
        routes.MapGet("/assets/{name}", (HttpContext context, string name) =>
            DashboardAssets.Exists(name) ? DashboardAssets.WriteAsync(context, name) : NotFound(context));

        routes.MapGet("/api/resources", () => TypedResults.Json(
            (IReadOnlyList<ResourceView>)[.. app.GetSnapshots().Select(ResourceView.From)],
            DashboardJsonContext.Default.IReadOnlyListResourceView));

        // Streams end with the tab or with the dashboard, whichever comes first, so shutdown never waits for a tab.
        routes.MapGet("/api/resources/events", async (HttpContext context) =>
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            var views = app.WatchStatesAsync(linked.Token).Select(ResourceView.From);
            await ServerSentEvents.StreamAsync(context, views, DashboardJsonContext.Default.ResourceView, linked.Token);
        });

        routes.MapGet("/api/resources/{name}/logs/events", async (HttpContext context, string name) =>
        {
            if (!Exists(app, name))
            {
                await NotFound(context);
                return;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            var lines = app.WatchLogsAsync(linked.Token)
                .Where(l => string.Equals(l.Resource, name, StringComparison.OrdinalIgnoreCase))
                .Select(LogLineView.From);
            await ServerSentEvents.StreamAsync(context, lines, DashboardJsonContext.Default.LogLineView, linked.Token);
        });

        routes.MapPost("/api/resources/{name}/{action}", (string name, string action) =>
        {
            if (!Exists(app, name) || !ResourceActions.Names.Contains(action))
            {
                return Results.NotFound();
            }

            actions.Run(name, action);
            return Results.Accepted();
        });
    }

    private static bool Exists(Orchestrator app, string name) =>
        app.Resources.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
