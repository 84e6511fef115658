using System.Globalization;
using CloudPocket.AppHost.ApplicationModel;
using CloudPocket.AppHost.Orchestration;

namespace CloudPocket.AppHost.Hosting;

public static class S3EmulatorBuilderExtensions
{
    private const string Script = "emulator/fauxqs-s3.mjs";

    /// <summary>
    /// The fauxqs S3 emulator on a loopback port (<paramref name="port"/>, or a free one), keeping objects in
    /// <c>.data/{name}</c> under the AppHost project unless <see cref="WithDataDirectory"/> says otherwise.
    /// </summary>
    public static AppResourceBuilder<S3EmulatorResource> AddS3Emulator(this AppModelBuilder builder, string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var directory = AppModelBuilder.ProjectDirectory;
        var node = NodeLocator.Locate(directory);
        var resource = new S3EmulatorResource(name, node.Command, directory)
        {
            DataDirectory = builder.ResolveDataDirectory(name, Path.Combine(".data", name)),
        };
        return builder.AddResource(resource)
            .WithAnnotation(new PortAnnotation(port))
            .WithAnnotation(new PreflightAnnotation(() => node.Problem))
            .WithAnnotation(new PreflightAnnotation(() => FauxqsProblem(directory)))
            .WithAnnotation(new ArgumentsAnnotation(() =>
                [Script, "--port", resource.GetPort()!.Value.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--data", resource.DataDirectory]))
            .WithAnnotation(new ReadinessStepAnnotation((endpoint, ct) =>
                resource.BucketName is { } bucket ? S3BucketCreator.EnsureAsync(endpoint, bucket, ct) : Task.CompletedTask))
            .WithHttpHealthCheck("/health");
    }

    /// <summary>The bucket is created after every (re)start, before the emulator is reported Healthy.</summary>
    public static AppResourceBuilder<S3EmulatorResource> WithBucket(this AppResourceBuilder<S3EmulatorResource> builder, string bucketName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucketName);
        builder.Resource.BucketName = bucketName;
        return builder;
    }

    /// <summary>Where objects persist, relative to the AppHost project (<c>.data/</c> is gitignored).</summary>
    public static AppResourceBuilder<S3EmulatorResource> WithDataDirectory(this AppResourceBuilder<S3EmulatorResource> builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.Resource.DataDirectory = builder.App.ResolveDataDirectory(builder.Resource.Name, path);
        return builder;
    }

    /// <summary>Points the AWS SDK of <paramref name="builder"/>'s process at the emulator (the Api reads the <c>S3__*</c> section).</summary>
    public static AppResourceBuilder<T> WithReference<T>(this AppResourceBuilder<T> builder, AppResourceBuilder<S3EmulatorResource> s3)
        where T : ExecutableAppResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(s3);
        var emulator = s3.Resource;
        return builder.WithAnnotation(new EnvironmentAnnotation(env =>
        {
            env["S3__ServiceUrl"] = emulator.GetUrl();
            if (emulator.BucketName is { } bucket)
            {
                env["S3__BucketName"] = bucket;
            }

            env["S3__ForcePathStyle"] = "true";
            env["S3__CreateBucketIfMissing"] = "true";
            // fauxqs accepts any credentials; the SDK still wants some, and a region.
            env["AWS_ACCESS_KEY_ID"] = "test";
            env["AWS_SECRET_ACCESS_KEY"] = "test";
            env["AWS_REGION"] = "us-east-1";
        }));
    }

    private static string? FauxqsProblem(string directory) =>
        File.Exists(Path.Combine(directory, "node_modules", "fauxqs", "package.json"))
            ? null
            : "fauxqs is not installed in CloudPocket.AppHost/node_modules: build the AppHost (its build runs 'npm ci').";
}
