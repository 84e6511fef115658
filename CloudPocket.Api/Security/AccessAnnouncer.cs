using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Security;

// One line at start that says who can use the files endpoints.
public sealed partial class AccessAnnouncer(IOptions<AccessOptions> options, ILogger<AccessAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var keys = options.Value.ApiKeys.Count(k => k.Length > 0);
        if (keys > 0)
        {
            LogKeys(keys);
        }
        else
        {
            LogAnonymous();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Access: the files endpoints require an API key ({Count} configured)")]
    private partial void LogKeys(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access: anonymous - no API key is configured (Access:ApiKeys), anyone who can reach the API may use it")]
    private partial void LogAnonymous();
}
