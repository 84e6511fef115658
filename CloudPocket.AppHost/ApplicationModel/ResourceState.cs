namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>Where a resource is in its lifecycle. The names are what the console, tests and dashboard show.</summary>
public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Healthy,
    Unhealthy,
    Stopping,
    Exited,
    FailedToStart,
}
