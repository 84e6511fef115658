using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Infrastructure;

public static class StartupErrors
{
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
