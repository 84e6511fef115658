using System.Text.Json;
using Amazon.S3;
using CloudPocket.Api.Files;
using CloudPocket.Api.Health;
using CloudPocket.Api.Links;
using CloudPocket.Api.Security;
using CloudPocket.Api.Storage;
using CloudPocket.Api.Storage.Legacy;
using CloudPocket.Api.Telemetry;
using CloudPocket.Api.Tus;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Infrastructure;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.Logging.QuietHostStartFailures();

        services.AddOptions<S3Options>()
            .BindConfiguration(S3Options.SectionName)
            // The seed service named its bucket with S3_BUCKET; that still works. AWS_REGION is the SDK's own variable.
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.BucketName ??= configuration["S3_BUCKET"];
                options.Region ??= configuration["AWS_REGION"];
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TusOptions>().BindConfiguration(TusOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DownloadOptions>().BindConfiguration(DownloadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AccessOptions>()
            .BindConfiguration(AccessOptions.SectionName)
            .Validate<IConfiguration>(
                (access, configuration) => access.ApiKeys.Any(k => k.Length > 0) || access.AllowAnonymous || ListenAddresses.AreAllLoopback(configuration),
                "No API key is configured (Access:ApiKeys) and the API would listen on a non-loopback address; configure keys, or set Access:AllowAnonymous=true to serve anyone.")
            .ValidateOnStart();

        services.AddSingleton<IAmazonS3>(sp => S3ClientFactory.Create(S3(sp), S3(sp).RequestTimeoutSeconds));
        services.AddKeyedSingleton<IAmazonS3>(S3ClientFactory.Transfers, (sp, _) => S3ClientFactory.Create(S3(sp), S3(sp).TransferTimeoutSeconds));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<S3FileStore>();
        services.AddSingleton<ChangeJournal>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeJournal>());
        services.AddSingleton<IndexSnapshot>();
        services.AddSingleton<LegacyLayout>();
        services.AddSingleton<IndexRebuild>();
        services.AddSingleton<JournalFollower>();
        services.AddSingleton<FileIndex>();
        services.AddSingleton<FileLookup>();
        services.AddSingleton<FileUploader>();
        services.AddSingleton<ResumableUploadStore>();
        services.AddSingleton<TusUploads>();
        services.AddSingleton<FileTransferMetrics>();
        services.AddHostedService<FileIndexLoader>();
        services.AddHostedService<AccessAnnouncer>();
        services.AddHostedService<AbandonedUploadSweeper>();

        services.AddHealthChecks()
            .AddCheck<S3HealthCheck>("s3")
            // Rebuilding at start is warming up, not a failure: Degraded, which /health answers 503 all the same.
            .AddCheck<FileIndexHealthCheck>("index", failureStatus: HealthStatus.Degraded);

        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddExceptionHandler<StorageRejectedHandler>();
        services.AddExceptionHandler<StorageUnavailableHandler>();
        // A parameter that cannot be bound (limit=abc) throws in every environment, so ProblemExceptionHandler
        // answers it with a detail; otherwise it is a bare 400 in production and a 500 in development.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddUploadRateLimiting();
        services.AddShareLinks();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A client that trickles its body or headers is cut off: below 1 KiB/s after a 10 s grace, or headers not done in 15 s.
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 1024, gracePeriod: TimeSpan.FromSeconds(10));
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });

        return builder;
    }

    private static S3Options S3(IServiceProvider services) => services.GetRequiredService<IOptions<S3Options>>().Value;
}
