using CloudPocket.Api.Files;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudPocket.Api.Health;

// Until the index is rebuilt from the bucket, a listing would be incomplete.
public sealed class FileIndexHealthCheck(FileIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsLoaded
            ? HealthCheckResult.Healthy($"{index.Count} files indexed.")
            : new HealthCheckResult(context.Registration.FailureStatus, "The index is not rebuilt from the bucket yet."));
}
