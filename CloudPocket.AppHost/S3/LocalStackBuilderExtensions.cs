using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class LocalStackBuilderExtensions
{
    internal const string Image = "localstack/localstack";
    internal const string Tag = "4.12";

    /// <summary>
    /// Adds LocalStack (S3 only) as a container on a port Aspire allocates, healthy once <c>/_localstack/health</c>
    /// answers and the bucket exists. Needs a container runtime (Docker or Podman) and LocalStack's auth token.
    /// </summary>
    public static IResourceBuilder<LocalStackResource> AddLocalStack(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource> authToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(authToken);
        var resource = new LocalStackResource(name, authToken.Resource);
        return builder.AddResource(resource)
            .WithImage(Image, Tag)
            .WithHttpEndpoint(targetPort: 4566, name: LocalStackResource.EndpointName)
            .WithEnvironment("LOCALSTACK_AUTH_TOKEN", authToken)
            .WithEnvironment("SERVICES", "s3")
            .WithHttpHealthCheck("/_localstack/health")
            .WithS3BucketHealthCheck();
    }
}
