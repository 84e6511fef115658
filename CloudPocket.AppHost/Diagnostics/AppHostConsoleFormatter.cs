using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CloudPocket.AppHost.Diagnostics;

/// <summary>
/// Short console lines: <c>12:00:01 s3: Healthy</c> for the AppHost, <c>12:00:01 [api] ...</c> for resource output.
/// The default formatter's category and event id would bury what the processes print.
/// </summary>
internal sealed class AppHostConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "cloudpocket";
    public const string AppHostCategory = "CloudPocket.AppHost";
    public const string ResourceCategoryPrefix = "CloudPocket.AppHost.Resource.";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var source = logEntry.Category.StartsWith(ResourceCategoryPrefix, StringComparison.Ordinal)
            ? $"[{logEntry.Category[ResourceCategoryPrefix.Length..]}] "
            : "";
        var level = logEntry.LogLevel switch
        {
            >= LogLevel.Error => "error: ",
            LogLevel.Warning => "warning: ",
            _ => "",
        };
        var time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        textWriter.WriteLine($"{time} {source}{level}{message}");
        if (logEntry.Exception is not null)
        {
            textWriter.WriteLine(logEntry.Exception.ToString());
        }
    }
}
