namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>The resource starts only once <see cref="Dependency"/> is Healthy.</summary>
public sealed class WaitForAnnotation(AppResource dependency) : IAppAnnotation
{
    public AppResource Dependency { get; } = dependency;
}
