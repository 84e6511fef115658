using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class CephBuilderExtensions
{
    private const string Script = "ceph/ceph-rgw.sh";

    /// <summary>
    /// Adds Ceph's RADOS Gateway on a loopback port that Aspire allocates, healthy when a signed HeadBucket of its
    /// bucket succeeds. The cluster lives in <see cref="WithDataDirectory"/>'s folder (default <c>.data/{name}</c>), so
    /// its objects survive restarts. Needs Debian's <c>radosgw ceph-mon ceph-osd</c> packages (see <see cref="CephPackages"/>).
    /// </summary>
    public static IResourceBuilder<CephResource> AddCeph(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var resource = new CephResource(name, builder.AppHostDirectory);
        return builder.AddResource(resource)
            .WithHttpEndpoint(name: CephResource.EndpointName, isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add(Script);
                context.Args.Add("--dir");
                context.Args.Add(resource.DataDirectory ?? S3ResourceBuilderExtensions.DataDirectory(builder, null, name));
                context.Args.Add("--port");
                context.Args.Add(resource.S3Endpoint.Property(EndpointProperty.TargetPort));
                if (resource.BucketName is { } bucket)
                {
                    context.Args.Add("--bucket");
                    context.Args.Add(bucket);
                }
            })
            .WithS3BucketHealthCheck();
    }

    /// <summary>Keeps the cluster in <paramref name="path"/> (relative to the AppHost project; default <c>.data/{name}</c>).</summary>
    public static IResourceBuilder<CephResource> WithDataDirectory(this IResourceBuilder<CephResource> builder, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.DataDirectory = S3ResourceBuilderExtensions.DataDirectory(builder.ApplicationBuilder, path, builder.Resource.Name);
        return builder;
    }
}
