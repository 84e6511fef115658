using CloudPocket.Api.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudPocket.Api.Health;

// Healthy when S3 answers a HeadBucket for the bucket within a few seconds. Not a listing: fauxqs sorts every key of
// the bucket for each listing, so a poll every few seconds would cost time in proportion to the number of files.
public sealed class S3HealthCheck(S3FileStore store) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await store.PingAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        // The exception is left out on purpose: the health check runs every few seconds and would log a stack trace each time.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"S3 is unreachable, or the bucket is missing or refused ({e.GetType().Name}).");
        }
    }
}
