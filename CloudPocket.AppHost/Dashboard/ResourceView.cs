using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>One row of the resources page. State and health are split the way Aspire shows them.</summary>
internal sealed record ResourceView(
    string Name,
    string Kind,
    string State,
    string Health,
    DateTimeOffset? StartedAt,
    int RestartCount,
    int? ProcessId,
    string? Endpoint,
    int? ExitCode,
    string? Message)
{
    public static ResourceView From(ResourceSnapshot snapshot) => new(
        snapshot.Name,
        snapshot.ResourceType,
        snapshot.State is ResourceState.Healthy or ResourceState.Unhealthy ? nameof(ResourceState.Running) : snapshot.State.ToString(),
        HealthOf(snapshot.State),
        snapshot.StartedAt,
        snapshot.RestartCount,
        snapshot.ProcessId,
        snapshot.Endpoint?.ToString().TrimEnd('/'),
        snapshot.ExitCode,
        snapshot.Message);

    // Health is only known for a live process whose probe has answered; before that it is pending.
    private static string HealthOf(ResourceState state) => state switch
    {
        ResourceState.Healthy => "Healthy",
        ResourceState.Unhealthy => "Unhealthy",
        ResourceState.Running => "Pending",
        _ => "",
    };
}
