using CloudPocket.AppHost.Diagnostics;
using CloudPocket.AppHost.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudPocket.AppHost.Dashboard;

/// <summary><c>dotnet run</c> mode: starts the dashboard as configured and prints its login URL.</summary>
internal static class DashboardLauncher
{
    /// <summary>Null when it is turned off or cannot listen: the app itself still runs, which matters more than its view.</summary>
    public static async Task<DashboardServer?> TryStartAsync(Orchestrator app, ILogger logger, CancellationToken cancellationToken)
    {
        var settings = DashboardSettings.Read(app.Options.Args);
        if (!settings.Enabled)
        {
            return null;
        }

        try
        {
            var dashboard = await DashboardServer.StartAsync(app, settings, logger, cancellationToken);
            Log.DashboardListening(logger, dashboard.LoginUrl);
            return dashboard;
        }
        catch (IOException ex)
        {
            Log.DashboardFailed(logger, settings.Port, ex.Message);
            return null;
        }
    }
}
