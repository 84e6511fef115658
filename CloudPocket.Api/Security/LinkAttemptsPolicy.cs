using System.Threading.RateLimiting;
using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Links;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Security;

// Requests to one share link (its info and downloads, so every password guess) are limited per link and client
// address: a fixed number per minute, then 429 with Retry-After. Guessing one link from many addresses, or many
// links from one, each meets its own limit.
public sealed class LinkAttemptsPolicy(IOptions<ShareLinkOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "link-attempts";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (rejected, _) =>
        throw Problems.TooManyLinkAttempts(rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var link = LinkToken.IdOf(httpContext.GetRouteValue("token") as string) ?? "unknown";
        var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "local";
        return RateLimitPartition.GetFixedWindowLimiter($"{link}|{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.AttemptsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
