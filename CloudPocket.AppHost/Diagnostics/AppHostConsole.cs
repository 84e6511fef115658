using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CloudPocket.AppHost.Diagnostics;

/// <summary>The AppHost's console: one queue for its own lines and the resources' echoed output, so they stay in order.</summary>
internal static class AppHostConsole
{
    public static ILoggerFactory CreateLoggerFactory(bool enabled) =>
        enabled
            ? LoggerFactory.Create(logging => logging
                .SetMinimumLevel(LogLevel.Information)
                .AddConsole(options => options.FormatterName = AppHostConsoleFormatter.FormatterName)
                .AddConsoleFormatter<AppHostConsoleFormatter, ConsoleFormatterOptions>())
            : NullLoggerFactory.Instance;
}
