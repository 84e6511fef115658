using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudPocket.AppHost.S3;

/// <summary>"S3 answers and the bucket exists": a signed HeadBucket, the call the API's own readiness makes.</summary>
internal sealed class S3BucketHealthCheck(IS3Resource resource) : IHealthCheck, IDisposable
{
    private AmazonS3Client? _client;
    private string? _clientUrl;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (resource.BucketName is not { } bucket)
        {
            return HealthCheckResult.Unhealthy($"{resource.Name} has no bucket: call WithBucket.");
        }

        try
        {
            await Client(resource.S3Endpoint.Url).HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return HealthCheckResult.Unhealthy($"Bucket '{bucket}' does not exist on {resource.Name}.");
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{resource.Name} does not answer S3 requests.", ex);
        }
    }

    // One client per endpoint URL: the port stays the same across restarts within a run.
    private AmazonS3Client Client(string url)
    {
        if (_client is null || _clientUrl != url)
        {
            _client?.Dispose();
            _client = new AmazonS3Client(
                new BasicAWSCredentials(S3ResourceBuilderExtensions.AccessKey, S3ResourceBuilderExtensions.SecretKey),
                new AmazonS3Config
                {
                    ServiceURL = url,
                    ForcePathStyle = true,
                    AuthenticationRegion = S3ResourceBuilderExtensions.Region,
                    Timeout = TimeSpan.FromSeconds(5),
                    MaxErrorRetry = 0,
                });
            _clientUrl = url;
        }

        return _client;
    }

    public void Dispose() => _client?.Dispose();
}
