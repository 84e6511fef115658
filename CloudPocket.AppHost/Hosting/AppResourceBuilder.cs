using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Hosting;

/// <summary>A resource being configured; the fluent <c>With...</c> extensions hang off this.</summary>
public sealed class AppResourceBuilder<T>(AppModelBuilder app, T resource)
    where T : AppResource
{
    public AppModelBuilder App { get; } = app;

    public T Resource { get; } = resource;

    public AppResourceBuilder<T> WithAnnotation(IAppAnnotation annotation)
    {
        Resource.Annotations.Add(annotation);
        return this;
    }
}
