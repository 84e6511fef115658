namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>
/// Adds environment variables when the process is launched. A callback, not values, because ports of referenced
/// resources are only known after <c>Build()</c>.
/// </summary>
public sealed class EnvironmentAnnotation(Action<IDictionary<string, string>> apply) : IAppAnnotation
{
    public Action<IDictionary<string, string>> Apply { get; } = apply;
}
