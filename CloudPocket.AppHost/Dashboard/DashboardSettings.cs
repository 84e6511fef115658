using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>Whether and where the dashboard listens. Port 0 picks a free port (what the testing entry point uses).</summary>
public sealed record DashboardSettings(bool Enabled, int Port)
{
    /// <summary>Aspire's dashboard port, so the habit carries over.</summary>
    public const int DefaultPort = 18888;

    public static DashboardSettings Default { get; } = new(Enabled: true, DefaultPort);

    /// <summary>
    /// Reads <c>Dashboard:Enabled</c> and <c>Dashboard:Port</c> from the command line and environment
    /// (<c>Dashboard__Port</c>), with the shorter <c>CLOUDPOCKET_DASHBOARD_PORT</c> / <c>CLOUDPOCKET_DASHBOARD_ENABLED</c> too.
    /// </summary>
    public static DashboardSettings Read(IReadOnlyList<string> args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine([.. args])
            .Build();
        var enabled = configuration["Dashboard:Enabled"] ?? configuration["CLOUDPOCKET_DASHBOARD_ENABLED"];
        var port = configuration["Dashboard:Port"] ?? configuration["CLOUDPOCKET_DASHBOARD_PORT"];
        return new DashboardSettings(
            enabled is null || !bool.TryParse(enabled, out var on) || on,
            port is null ? DefaultPort : ParsePort(port));
    }

    private static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new FormatException($"Dashboard:Port must be a port number from 0 to 65535, not '{value}'.");
}
