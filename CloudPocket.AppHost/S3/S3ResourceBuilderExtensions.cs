using Aspire.Hosting.ApplicationModel;
using CloudPocket.AppHost.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

public static class S3ResourceBuilderExtensions
{
    // Emulators accept any credentials; the AWS SDK still wants some to sign with, and a region.
    internal const string AccessKey = "test";
    internal const string SecretKey = "test";
    internal const string Region = "us-east-1";

    /// <summary>The bucket exists whenever the server is reported healthy, after every start.</summary>
    public static IResourceBuilder<T> WithBucket<T>(this IResourceBuilder<T> builder, string bucketName)
        where T : IS3Resource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucketName);
        builder.Resource.BucketName = bucketName;
        return builder;
    }

    /// <summary>
    /// Points the AWS SDK in <paramref name="builder"/>'s process at <paramref name="s3"/>: its endpoint, path-style
    /// addressing, the emulator's credentials and region, the bucket, and the checksum settings the server needs (the
    /// API's <c>S3__*</c> settings).
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IS3Resource> s3)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(s3);
        var server = s3.Resource;
        return builder.WithEnvironment(context =>
        {
            context.EnvironmentVariables["S3__ServiceUrl"] = server.S3Endpoint;
            context.EnvironmentVariables["S3__ForcePathStyle"] = "true";
            context.EnvironmentVariables["S3__CreateBucketIfMissing"] = "true";
            if (server.BucketName is { } bucket)
            {
                context.EnvironmentVariables["S3__BucketName"] = bucket;
            }

            if (server.ChecksumsOnlyWhenRequired)
            {
                context.EnvironmentVariables["S3__RequestChecksumCalculation"] = "WHEN_REQUIRED";
                context.EnvironmentVariables["S3__ResponseChecksumValidation"] = "WHEN_REQUIRED";
            }

            context.EnvironmentVariables["AWS_ACCESS_KEY_ID"] = AccessKey;
            context.EnvironmentVariables["AWS_SECRET_ACCESS_KEY"] = SecretKey;
            context.EnvironmentVariables["AWS_REGION"] = Region;
        });
    }

    /// <summary>The folder an S3 server keeps its data in, created: <paramref name="path"/> relative to the AppHost project, default <c>.data/{name}</c>.</summary>
    internal static string DataDirectory(IDistributedApplicationBuilder builder, string? path, string name)
    {
        var directory = Path.GetFullPath(path ?? Path.Combine(".data", name), builder.AppHostDirectory);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Healthy when the server answers a signed HeadBucket for its bucket (or ListBuckets before one is named).</summary>
    internal static IResourceBuilder<T> WithS3BucketHealthCheck<T>(this IResourceBuilder<T> builder)
        where T : IS3Resource
    {
        var resource = builder.Resource;
        var key = $"{resource.Name}_bucket_check";
        var check = new S3BucketHealthCheck(resource);
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, _ => check, failureStatus: null, tags: null));
        return builder.WithHealthCheck(key);
    }
}
