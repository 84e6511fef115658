namespace CloudPocket.AppHost.Orchestration;

/// <summary>
/// Last resort when the process hosting the orchestrator ends without stopping it (an unhandled exception, a test
/// host exiting with an app never disposed): resources run in their own sessions, so nothing else would stop them.
/// </summary>
internal sealed class OrphanGuard : IDisposable
{
    private readonly IReadOnlyList<ResourceRunner> _runners;

    public OrphanGuard(IReadOnlyList<ResourceRunner> runners)
    {
        _runners = runners;
        AppDomain.CurrentDomain.ProcessExit += OnHostEnding;
        AppDomain.CurrentDomain.UnhandledException += OnHostEnding;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnHostEnding;
        AppDomain.CurrentDomain.UnhandledException -= OnHostEnding;
    }

    private void OnHostEnding(object? sender, EventArgs e)
    {
        foreach (var runner in _runners)
        {
            runner.KillNow();
        }
    }
}
