using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Hosting;

/// <summary>Wiring that applies to every process resource: environment, ordering, endpoint, health.</summary>
public static class ResourceBuilderExtensions
{
    public static AppResourceBuilder<T> WithEnvironment<T>(this AppResourceBuilder<T> builder, string name, string value)
        where T : ExecutableAppResource =>
        builder.WithEnvironment(name, () => value);

    /// <summary>The value is read at each launch, so it may depend on ports assigned by <c>Build()</c>.</summary>
    public static AppResourceBuilder<T> WithEnvironment<T>(this AppResourceBuilder<T> builder, string name, Func<string> value)
        where T : ExecutableAppResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        return builder.WithAnnotation(new EnvironmentAnnotation(env => env[name] = value()));
    }

    /// <summary>Starts the resource only once <paramref name="dependency"/> is Healthy.</summary>
    public static AppResourceBuilder<T> WaitFor<T, TDependency>(this AppResourceBuilder<T> builder, AppResourceBuilder<TDependency> dependency)
        where T : ExecutableAppResource
        where TDependency : AppResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        return builder.WithAnnotation(new WaitForAnnotation(dependency.Resource));
    }

    /// <summary>Healthy while <c>GET {path}</c> answers 200; polled for as long as the process runs.</summary>
    public static AppResourceBuilder<T> WithHttpHealthCheck<T>(this AppResourceBuilder<T> builder, string path)
        where T : ExecutableAppResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return builder.WithAnnotation(new HttpHealthCheckAnnotation(path.StartsWith('/') ? path : "/" + path));
    }

    /// <summary>Gives the resource a loopback HTTP endpoint: <paramref name="port"/>, or a free port when null.</summary>
    public static AppResourceBuilder<T> WithHttpEndpoint<T>(this AppResourceBuilder<T> builder, int? port = null)
        where T : ExecutableAppResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Resource.GetAnnotations<PortAnnotation>().Any())
        {
            throw new InvalidOperationException($"'{builder.Resource.Name}' already has an endpoint.");
        }

        return builder.WithAnnotation(new PortAnnotation(port));
    }
}
