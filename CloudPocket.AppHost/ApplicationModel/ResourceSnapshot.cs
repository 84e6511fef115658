namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>An immutable view of one resource, published on every change (console, tests, dashboard).</summary>
/// <param name="Message">Why the resource is in this state: what it waits for, the failed probe, the exit reason.</param>
public sealed record ResourceSnapshot(
    string Name,
    string ResourceType,
    ResourceState State,
    Uri? Endpoint,
    int? ProcessId = null,
    DateTimeOffset? StartedAt = null,
    int RestartCount = 0,
    int? ExitCode = null,
    string? Message = null);
