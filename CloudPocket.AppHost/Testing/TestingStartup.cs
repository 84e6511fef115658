using System.Text;
using CloudPocket.AppHost.Hosting;

namespace CloudPocket.AppHost.Testing;

/// <summary>Starts a built app for a test; on failure cleans everything up and says why, with each resource's last lines.</summary>
internal static class TestingStartup
{
    private const int LinesPerResource = 20;

    public static async Task StartOrCleanUpAsync(Orchestrator app, string dataRoot, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is AppHostException or OperationCanceledException)
        {
            var report = Describe(app, ex);
            await app.DisposeAsync();
            TestingDataRoot.Delete(dataRoot);
            throw new InvalidOperationException(report, ex);
        }
    }

    private static string Describe(Orchestrator app, Exception failure)
    {
        var report = new StringBuilder(failure is OperationCanceledException
            ? "The app did not become healthy before the cancellation token fired."
            : failure.Message);
        foreach (var snapshot in app.GetSnapshots())
        {
            report.AppendLine().Append("--- ").Append(snapshot.Name).Append(": ").Append(snapshot.State.ToString());
            if (snapshot.Message is not null)
            {
                report.Append(" (").Append(snapshot.Message).Append(')');
            }

            foreach (var line in app.GetLogs(snapshot.Name).TakeLast(LinesPerResource))
            {
                report.AppendLine().Append("    ").Append(line.Text);
            }
        }

        return report.ToString();
    }
}
