namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>The state machine's decisions, kept pure so they can be tested without processes.</summary>
public static class ResourceStateRules
{
    /// <summary>One failed probe can be a hiccup under load; two in a row mean the resource is really unhealthy.</summary>
    public const int UnhealthyAfterFailures = 2;

    /// <summary>The state after a health probe. Only a live, not-stopping process changes state here.</summary>
    public static ResourceState AfterProbe(ResourceState current, bool healthy, int consecutiveFailures) => current switch
    {
        ResourceState.Running or ResourceState.Unhealthy when healthy => ResourceState.Healthy,
        ResourceState.Healthy when !healthy && consecutiveFailures >= UnhealthyAfterFailures => ResourceState.Unhealthy,
        _ => current,
    };

    /// <summary>
    /// The state after the process exited. Exiting before ever being Healthy, unasked, is a failure to start;
    /// after that it is an exit (the AppHost keeps running so it can be restarted).
    /// </summary>
    public static ResourceState AfterExit(bool stopRequested, bool becameHealthy) =>
        stopRequested || becameHealthy ? ResourceState.Exited : ResourceState.FailedToStart;

    public static bool IsProcessAlive(ResourceState state) =>
        state is ResourceState.Running or ResourceState.Healthy or ResourceState.Unhealthy or ResourceState.Stopping;
}
