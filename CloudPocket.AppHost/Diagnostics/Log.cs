using Microsoft.Extensions.Logging;

namespace CloudPocket.AppHost.Diagnostics;

/// <summary>Everything the AppHost says on its console, source-generated so logging costs nothing when it is off (testing).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "{Resource}: {State}{Detail}")]
    public static partial void StateChanged(ILogger logger, string resource, string state, string detail);

    [LoggerMessage(2, LogLevel.Information, "{Line}")]
    public static partial void ResourceOutput(ILogger logger, string line);

    [LoggerMessage(3, LogLevel.Information, "All resources are healthy. Press Ctrl+C to stop.\n{Table}")]
    public static partial void AllHealthy(ILogger logger, string table);

    [LoggerMessage(4, LogLevel.Error, "{Problem}")]
    public static partial void CannotStart(ILogger logger, string problem);

    [LoggerMessage(5, LogLevel.Information, "Stopping...")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(6, LogLevel.Information, "Stopped in {Seconds:0.0} s.")]
    public static partial void Stopped(ILogger logger, double seconds);

    [LoggerMessage(7, LogLevel.Warning, "{Resource} did not exit within {GraceSeconds} s of SIGTERM: killed its process tree.")]
    public static partial void ForcedKill(ILogger logger, string resource, double graceSeconds);

    [LoggerMessage(8, LogLevel.Warning, "{Resource} exited unexpectedly with code {ExitCode}. Last output:{Tail}")]
    public static partial void ExitedUnexpectedly(ILogger logger, string resource, int exitCode, string tail);

    [LoggerMessage(9, LogLevel.Warning, "{Resource} is not healthy after {Seconds} s: {Problem}")]
    public static partial void NotHealthyYet(ILogger logger, string resource, double seconds, string problem);

    [LoggerMessage(10, LogLevel.Error, "The health monitor of {Resource} failed.")]
    public static partial void MonitorFailed(ILogger logger, string resource, Exception exception);

    [LoggerMessage(11, LogLevel.Information, "Login to the dashboard at {LoginUrl}")]
    public static partial void DashboardListening(ILogger logger, Uri loginUrl);

    [LoggerMessage(12, LogLevel.Error, "The dashboard could not start on port {Port} (set Dashboard:Port or CLOUDPOCKET_DASHBOARD_PORT to another port, 0 for any free one): {Reason}")]
    public static partial void DashboardFailed(ILogger logger, int port, string reason);

    [LoggerMessage(13, LogLevel.Warning, "Dashboard action {Action} on {Resource} failed.")]
    public static partial void DashboardActionFailed(ILogger logger, string action, string resource, Exception exception);

    [LoggerMessage(14, LogLevel.Information, "{Resource} requires an API key (X-Api-Key or Authorization: Bearer) for this run: {ApiKey}")]
    public static partial void ApiKey(ILogger logger, string resource, string apiKey);
}
