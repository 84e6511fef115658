namespace CloudPocket.AppHost.Hosting;

/// <summary>How the app model is built and run. The testing hook replaces some of these (ports, data, console).</summary>
public sealed record AppModelOptions
{
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Echo state changes and resources' output on the console.</summary>
    public bool ConsoleOutput { get; init; } = true;

    /// <summary>Give every endpoint a free port, fixed ones too, so parallel test hosts never collide.</summary>
    public bool RandomizePorts { get; init; }

    /// <summary>When set, each resource keeps its data in <c>{DataRoot}/{name}</c> instead of where <c>WithDataDirectory</c> says.</summary>
    public string? DataRoot { get; init; }

    public TimeSpan HealthProbeInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Time between SIGTERM and the kill of the process tree, per resource.</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Output lines kept per resource.</summary>
    public int LogCapacity { get; init; } = 5000;
}
