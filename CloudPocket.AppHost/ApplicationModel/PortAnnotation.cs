namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>The loopback HTTP port a resource listens on: fixed when asked for, otherwise a free one picked at build time.</summary>
public sealed class PortAnnotation(int? fixedPort) : IAppAnnotation
{
    public int? FixedPort { get; } = fixedPort;

    /// <summary>Assigned once by <c>Build()</c> and kept for the app's lifetime, so a restart keeps dependents' URLs valid.</summary>
    public int? Port { get; set; }
}
