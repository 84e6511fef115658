using System.Text.Json;
using Amazon.S3;
using CloudPocket.Api.Files;
using CloudPocket.Api.Health;
using CloudPocket.Api.Storage;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Infrastructure;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddOptions<S3Options>()
            .BindConfiguration(S3Options.SectionName)
            // The seed service named its bucket with S3_BUCKET; that still works.
            .Configure<IConfiguration>((options, configuration) => options.BucketName ??= configuration["S3_BUCKET"])
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<IAmazonS3>(sp => S3ClientFactory.Create(sp.GetRequiredService<IOptions<S3Options>>().Value));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<S3FileStore>();
        services.AddSingleton<FileIndex>();
        services.AddSingleton<FileUploader>();
        services.AddHostedService<FileIndexLoader>();

        services.AddHealthChecks()
            .AddCheck<S3HealthCheck>("s3")
            .AddCheck<FileIndexHealthCheck>("index");

        services.AddExceptionHandler<StorageUnavailableHandler>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);

        return builder;
    }
}
