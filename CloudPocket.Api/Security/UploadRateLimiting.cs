using System.Threading.RateLimiting;
using CloudPocket.Api.Files;
using CloudPocket.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Security;

// Uploads are the expensive request, so each client address gets a fixed number of them per minute.
public static class UploadRateLimiting
{
    public const string Policy = "uploads";

    public static IServiceCollection AddUploadRateLimiting(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.AddPolicy(Policy, context =>
        {
            var permits = context.RequestServices.GetRequiredService<IOptions<UploadOptions>>().Value.PermitsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local", _ =>
                new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        });
        // Thrown rather than written here, so the 429 is answered like every other client error (ProblemExceptionHandler).
        limiter.OnRejected = (rejected, _) =>
            throw Problems.TooManyUploads(rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
    });
}
