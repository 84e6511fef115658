using System.Diagnostics;

namespace CloudPocket.Tests.Support;

/// <summary>The built AppHost run with arguments under which it should refuse to start, until it exits.</summary>
public static class AppHostExit
{
    public static async Task<(int ExitCode, string[] ErrorLines, string Output)> RunAsync(string[] args, IDictionary<string, string> environment)
    {
        var appHost = typeof(Aspire.Hosting.ApplicationModel.S3EmulatorResource).Assembly.Location;
        var start = new ProcessStartInfo(Dotnet, [appHost, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries), await stdout);
    }

    /// <summary>The dotnet host running the tests, by its full path (a test may run the AppHost with another PATH).</summary>
    public static string Dotnet { get; } =
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
}
