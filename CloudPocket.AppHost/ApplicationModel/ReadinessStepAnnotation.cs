namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>
/// Work done after every (re)start once the health check first passes, before the resource is reported Healthy
/// (e.g. creating a bucket). It throws to say "not yet"; the orchestrator retries it on the next probe.
/// </summary>
public sealed class ReadinessStepAnnotation(Func<Uri, CancellationToken, Task> step) : IAppAnnotation
{
    public Func<Uri, CancellationToken, Task> Step { get; } = step;
}
