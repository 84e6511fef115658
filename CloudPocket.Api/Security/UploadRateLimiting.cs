using System.Globalization;
using System.Threading.RateLimiting;
using CloudPocket.Api.Files;
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
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            var response = rejected.HttpContext.Response;
            response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await TypedResults.Problem("Too many uploads from this client; try again after the time in Retry-After.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(rejected.HttpContext);
        };
    });
}
