using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class ApiBuilderExtensions
{
    /// <summary>The API requires this key on its files endpoints (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>).</summary>
    public static IResourceBuilder<ProjectResource> WithApiKey(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<ParameterResource> apiKey)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(apiKey);
        return builder.WithEnvironment("Access__ApiKeys__0", apiKey);
    }

    /// <summary>
    /// Beside each of the API's endpoint URLs in the dashboard, links to the page for people (<c>/</c>) and to the
    /// API reference (<c>/scalar</c>) at that address.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPageUrls(this IResourceBuilder<ProjectResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithUrls(context =>
        {
            foreach (var endpoint in context.Urls.Where(u => u.Endpoint is not null).ToList())
            {
                var root = endpoint.Url.TrimEnd('/');
                context.Urls.Add(new ResourceUrlAnnotation { Url = root + "/", DisplayText = "Page", Endpoint = endpoint.Endpoint });
                context.Urls.Add(new ResourceUrlAnnotation { Url = root + "/scalar", DisplayText = "API reference", Endpoint = endpoint.Endpoint });
            }
        });
    }

    /// <summary>Real AWS S3: the region and bucket, and credentials from the AWS SDK's default chain in the API's environment.</summary>
    public static IResourceBuilder<ProjectResource> WithAwsS3(this IResourceBuilder<ProjectResource> builder,
        IResourceBuilder<ParameterResource> region, IResourceBuilder<ParameterResource> bucket)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithEnvironment("AWS_REGION", region)
            .WithEnvironment("S3__BucketName", bucket);
    }
}
