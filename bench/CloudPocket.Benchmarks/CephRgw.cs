using System.Diagnostics;
using System.Globalization;

namespace CloudPocket.Benchmarks;

// Ceph's RADOS Gateway as a child process: the AppHost's launcher (ceph/ceph-rgw.sh: one mon, one memstore OSD,
// radosgw) on a free loopback port, with its cluster in a temp folder that goes away with it.
internal sealed class CephRgw : IS3Server
{
    private const string ReadyLine = "ceph-rgw ready on ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly string _directory;
    private readonly OutputTail _output = new(40);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CephRgw(Process process, string directory, int port, string bucket)
    {
        _process = process;
        _directory = directory;
        Endpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        BucketName = bucket;
    }

    public Uri Endpoint { get; }

    public string BucketName { get; }

    public bool ChecksumsOnlyWhenRequired => true;

    // The launcher's daemons, found once it is ready: radosgw answers S3, the OSD stores the objects.
    public IReadOnlyList<(string Name, int ProcessId)> Processes { get; private set; } = [];

    public static async Task<CephRgw> StartAsync(string bucket, CancellationToken cancellationToken)
    {
        var script = Path.Combine(FauxqsEmulator.AppHostDirectory, "ceph", "ceph-rgw.sh");
        var port = Loopback.FreePort();
        var directory = Directory.CreateTempSubdirectory("cloudpocket-bench-ceph-").FullName;
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { script, "--dir", directory, "--port", port.ToString(CultureInfo.InvariantCulture), "--bucket", bucket },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var rgw = new CephRgw(Process.Start(start) ?? throw new InvalidOperationException("Could not start the Ceph launcher."), directory, port, bucket);
        rgw._process.OutputDataReceived += (_, e) => rgw.Keep(e.Data);
        rgw._process.ErrorDataReceived += (_, e) => rgw.Keep(e.Data);
        rgw._process.BeginOutputReadLine();
        rgw._process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            if (await Task.WhenAny(rgw._ready.Task, rgw._process.WaitForExitAsync(timeout.Token)) != rgw._ready.Task)
            {
                throw new InvalidOperationException($"The Ceph launcher exited before it was ready:{Environment.NewLine}{rgw._output}");
            }

            rgw.Processes = [.. Children(rgw._process.Id)
                .Select(pid => (Name: File.ReadAllText($"/proc/{pid}/comm").Trim(), ProcessId: pid))
                .Where(p => p.Name is "radosgw" or "ceph-osd")];
            return rgw;
        }
        catch
        {
            await rgw.DisposeAsync();
            throw;
        }
    }

    private void Keep(string? line)
    {
        _output.Add(line);
        if (line?.StartsWith(ReadyLine, StringComparison.Ordinal) == true)
        {
            _ready.TrySetResult();
        }
    }

    private static IEnumerable<int> Children(int pid) =>
        File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture));

    // SIGTERM: the launcher stops each daemon by its PID; only a launcher that hangs is killed with its daemons.
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(StopGracePeriod);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
