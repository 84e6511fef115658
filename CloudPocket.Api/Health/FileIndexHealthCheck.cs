using CloudPocket.Api.Files;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudPocket.Api.Health;

// Until the index is rebuilt from the bucket, a listing would be incomplete. Ready once the snapshot and the journal are
// read: the comparison with the bucket listing that follows finds only what a killed replica never journalled.
public sealed class FileIndexHealthCheck(FileIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsLoaded
            ? HealthCheckResult.Healthy(index.IsReconciled ? $"{index.Count} files indexed." : $"{index.Count} files indexed; comparing with the bucket listing.")
            : new HealthCheckResult(context.Registration.FailureStatus, "The index is not rebuilt from the bucket yet."));
}
