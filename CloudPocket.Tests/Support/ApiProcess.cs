using System.Diagnostics;

namespace CloudPocket.Tests.Support;

// Runs the built API as its own process, the way an operator starts it, to see what it prints and how it exits.
public static class ApiProcess
{
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IDictionary<string, string> environment, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Starts the API with <paramref name="environment"/>; the caller stops it (a kill, as a crash would).</summary>
    public static Process Start(IDictionary<string, string> environment)
    {
        var process = Process.Start(StartInfo(environment))!;
        // Read and dropped, so a full pipe never blocks it.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // The built API with only the given S3 and listening settings, none inherited from the test's environment.
    private static ProcessStartInfo StartInfo(IDictionary<string, string> environment)
    {
        var apiDll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [apiDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
        };
        foreach (var name in new[] { "S3__BucketName", "S3_BUCKET", "S3__ServiceUrl", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "ASPNETCORE_URLS", "Access__AllowAnonymous" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
