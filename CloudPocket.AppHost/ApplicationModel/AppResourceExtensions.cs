using System.Globalization;

namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>Reads what the annotations say about a resource.</summary>
public static class AppResourceExtensions
{
    public static IEnumerable<T> GetAnnotations<T>(this AppResource resource)
        where T : IAppAnnotation
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Annotations.OfType<T>();
    }

    /// <summary>The assigned loopback port, or null when the resource has no endpoint or the app is not built yet.</summary>
    public static int? GetPort(this AppResource resource) =>
        resource.GetAnnotations<PortAnnotation>().FirstOrDefault()?.Port;

    /// <summary><c>http://127.0.0.1:{port}</c> without a trailing slash, the form injected into environment variables.</summary>
    public static string GetUrl(this AppResource resource) =>
        resource.GetPort() is { } port
            ? string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")
            : throw new InvalidOperationException($"Resource '{resource.Name}' has no assigned port: it has no endpoint, or Build() was not called yet.");

    public static Uri? GetEndpoint(this AppResource resource) =>
        resource.GetPort() is null ? null : new Uri(resource.GetUrl());
}
