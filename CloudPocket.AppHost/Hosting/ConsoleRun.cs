using System.Diagnostics;
using System.Runtime.InteropServices;
using CloudPocket.AppHost.ApplicationModel;
using CloudPocket.AppHost.Dashboard;
using CloudPocket.AppHost.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CloudPocket.AppHost.Hosting;

/// <summary><c>dotnet run</c> mode: start, print the table, wait for Ctrl+C / SIGTERM / SIGHUP, stop. Returns the exit code.</summary>
internal sealed class ConsoleRun(Orchestrator app, ILogger logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Cancel = true: the runtime must not exit before the children are stopped.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        // A closed terminal: the resources run in their own sessions and would not get its hangup.
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
        // Before the resources, so the page can already show them starting; disposed last, after they stopped.
        await using var dashboard = await DashboardLauncher.TryStartAsync(app, logger, shutdown.Token);
        var exitCode = 0;
        try
        {
            await app.StartAsync(shutdown.Token);
            Log.AllHealthy(logger, ResourceTable.Format(app.GetSnapshots()));
            foreach (var resource in app.Resources.Where(r => r.GetApiKey() is not null))
            {
                Log.ApiKey(logger, resource.Name, resource.GetApiKey()!);
            }

            await Task.Delay(Timeout.Infinite, shutdown.Token);
        }
        catch (AppHostException ex)
        {
            foreach (var problem in ex.Problems)
            {
                Log.CannotStart(logger, problem);
            }

            exitCode = 1;
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM, possibly while still starting.
        }

        if (app.GetSnapshots().Any(s => s.State != ResourceState.NotStarted))
        {
            var stopping = Stopwatch.StartNew();
            Log.Stopping(logger);
            await app.StopAsync(CancellationToken.None);
            Log.Stopped(logger, stopping.Elapsed.TotalSeconds);
        }

        return exitCode;

        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            shutdown.Cancel();
        }
    }
}
