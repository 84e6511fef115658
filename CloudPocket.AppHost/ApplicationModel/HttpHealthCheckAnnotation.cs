namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>The resource is Healthy while <c>GET {endpoint}{Path}</c> answers 200.</summary>
public sealed class HttpHealthCheckAnnotation(string path) : IAppAnnotation
{
    public string Path { get; } = path;
}
