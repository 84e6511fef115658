using CloudPocket.AppHost.Diagnostics;
using CloudPocket.AppHost.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>
/// Stop / Start / Restart from the page. They run in the background: a restart waits for healthy, which the page
/// shows live, and a closed tab must not cancel it halfway. Everything still running is cancelled when the dashboard stops.
/// </summary>
internal sealed class ResourceActions(Orchestrator app, ILogger logger, CancellationToken stopping)
{
    public static readonly IReadOnlyList<string> Names = ["stop", "start", "restart"];

    public void Run(string resource, string action)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await (action switch
                {
                    "stop" => app.StopResourceAsync(resource, stopping),
                    "start" => app.StartResourceAsync(resource, stopping),
                    _ => app.RestartResourceAsync(resource, stopping),
                });
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The AppHost is shutting down; it stops the resource itself.
            }
            catch (Exception ex)
            {
                // The page shows the resulting state (FailedToStart and its message); the console says why.
                Log.DashboardActionFailed(logger, action, resource, ex);
            }
        }, CancellationToken.None);
    }
}
