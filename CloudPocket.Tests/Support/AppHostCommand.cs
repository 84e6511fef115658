using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CloudPocket.Tests.Support;

/// <summary>
/// A real <c>dotnet run --project CloudPocket.AppHost</c> on free ports with a temp data folder. Every process of
/// the run inherits a marker in its environment (DCP passes the AppHost's on), so the test can tell what is left.
/// </summary>
public sealed class AppHostCommand : IAsyncDisposable
{
    public const int SigTerm = 15;
    private readonly Process _dotnetRun;
    private readonly string _marker;
    private readonly string _dataDirectory;
    private readonly Stopwatch _sinceSignal = new();

    private AppHostCommand(Process dotnetRun, string marker, string dataDirectory)
    {
        _dotnetRun = dotnetRun;
        _marker = marker;
        _dataDirectory = dataDirectory;
    }

    public TimeSpan SinceSignal => _sinceSignal.Elapsed;

    public static Task<AppHostCommand> StartAsync()
    {
        var marker = $"CLOUDPOCKET_TEST_RUN={Guid.NewGuid():N}";
        var data = Directory.CreateTempSubdirectory("cloudpocket-run-").FullName;
        var start = new ProcessStartInfo("dotnet", ["run", "--project", S3EmulatorProcess.AppHostDirectory, "--no-build", "--no-launch-profile"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                [marker.Split('=')[0]] = marker.Split('=')[1],
                ["ASPNETCORE_URLS"] = LoopbackUrl(),
                ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = LoopbackUrl(),
                ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = LoopbackUrl(),
                ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
                ["DcpPublisher__RandomizePorts"] = "true",
                ["S3__DataDirectory"] = data,
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return Task.FromResult(new AppHostCommand(process, marker, data));
    }

    /// <summary>Waits until a process of the run has each name on its command line; returns their command lines.</summary>
    public async Task<IReadOnlyList<string>> WaitUntilRunningAsync(IReadOnlyList<string> names, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var commands = Running().Select(ProcessTree.CommandLine).ToList();
            if (names.All(name => commands.Any(c => c.Contains(name, StringComparison.Ordinal))))
            {
                return commands;
            }

            if (clock.Elapsed > timeout || _dotnetRun.HasExited)
            {
                throw new TimeoutException($"Not all of {string.Join(", ", names)} started: {string.Join(" | ", commands)}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Sends <paramref name="signal"/> to <c>dotnet run</c>, as a terminal or a service manager does.</summary>
    public void Signal(int signal)
    {
        _sinceSignal.Restart();
        _ = Kill(_dotnetRun.Id, signal);
    }

    /// <summary>SIGKILL of the AppHost process itself: no shutdown code of it runs.</summary>
    public void KillAppHost()
    {
        var appHost = ProcessTree.Descendants(_dotnetRun.Id)
            .First(pid => ProcessTree.CommandLine(pid).Contains("CloudPocket.AppHost/bin/", StringComparison.Ordinal));
        _sinceSignal.Restart();
        _ = Kill(appHost, 9);
    }

    /// <summary>Waits until no process of the run is left, and returns the command lines of any that still are.</summary>
    public async Task<IReadOnlyList<string>> WaitUntilGoneAsync(TimeSpan timeout)
    {
        while (_sinceSignal.Elapsed < timeout && Running().Count > 0)
        {
            await Task.Delay(100);
        }

        _sinceSignal.Stop();
        return [.. Running().Select(ProcessTree.CommandLine)];
    }

    private IReadOnlyList<int> Running() => ProcessTree.WithEnvironment(_marker);

    private static string LoopbackUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pid in Running())
        {
            _ = Kill(pid, 9);
        }

        await _dotnetRun.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _dotnetRun.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    // The kill command rather than libc's kill(2): no unsafe code in the tests for one system call.
    private static int Kill(int pid, int signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }
}
