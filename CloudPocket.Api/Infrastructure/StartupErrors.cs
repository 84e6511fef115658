using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Infrastructure;

public static class StartupErrors
{
    // The host logs a failed start with the whole stack trace; for invalid options the one line below says it all.
    public static ILoggingBuilder QuietHostStartFailures(this ILoggingBuilder logging) =>
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

    // Invalid settings are an operator's mistake, not a crash: one line that says what to set, and exit code 1.
    public static int RunReportingInvalidOptions(this WebApplication app)
    {
        try
        {
            app.Run();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"CloudPocket.Api cannot start: {string.Join(" ", e.Failures)}");
            return 1;
        }
    }
}
