using System.Diagnostics;
using System.Globalization;

namespace CloudPocket.Tests.Support;

/// <summary>
/// The AppHost's Ceph launcher (<c>ceph/ceph-rgw.sh</c>: one mon, one memstore OSD and radosgw) as a plain process on
/// a free loopback port, with its cluster in a folder of its own, for tests that host the API themselves. The S3
/// user is <c>test</c>/<c>test</c>; the bucket is created at start. Needs Debian's <c>radosgw ceph-mon ceph-osd</c>.
/// </summary>
public sealed class CephRgwProcess : IS3Server
{
    private const string ReadyLine = "ceph-rgw ready on ";
    private readonly Process _process;
    private readonly ProcessOutput _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _ownsDirectory;

    private CephRgwProcess(Process process, Uri endpoint, string directory, bool ownsDirectory)
    {
        _process = process;
        Endpoint = endpoint;
        Directory = directory;
        _ownsDirectory = ownsDirectory;
    }

    public Uri Endpoint { get; }

    /// <summary>The folder that holds the cluster: its ceph.conf, the monitor's store, the OSD's data and the logs.</summary>
    public string Directory { get; }

    public static string Script { get; } = Path.Combine(S3EmulatorProcess.AppHostDirectory, "ceph", "ceph-rgw.sh");

    /// <summary>
    /// Returns once radosgw answers a signed request and holds <paramref name="bucket"/>. With
    /// <paramref name="directory"/> the cluster is kept there (and reused when it exists); else in a temporary folder
    /// deleted at dispose.
    /// </summary>
    public static async Task<CephRgwProcess> StartAsync(string bucket, CancellationToken cancellationToken, string? directory = null)
    {
        var ownsDirectory = directory is null;
        directory ??= System.IO.Directory.CreateTempSubdirectory("cloudpocket-ceph-").FullName;
        var port = Loopback.FreePort();
        var start = new ProcessStartInfo("bash",
            [Script, "--dir", directory, "--port", port.ToString(CultureInfo.InvariantCulture), "--bucket", bucket])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var rgw = new CephRgwProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"), directory, ownsDirectory);
        rgw._output.LineRecorded += line =>
        {
            if (line.StartsWith(ReadyLine, StringComparison.Ordinal))
            {
                rgw._ready.TrySetResult();
            }
        };
        rgw._process.OutputDataReceived += (_, e) => rgw._output.Record(e.Data);
        rgw._process.ErrorDataReceived += (_, e) => rgw._output.Record(e.Data);
        rgw._process.BeginOutputReadLine();
        rgw._process.BeginErrorReadLine();
        try
        {
            var exited = rgw._process.WaitForExitAsync(cancellationToken);
            if (await Task.WhenAny(rgw._ready.Task, exited).WaitAsync(cancellationToken) != rgw._ready.Task)
            {
                throw new InvalidOperationException($"The Ceph launcher exited with {rgw._process.ExitCode}: {rgw._output}");
            }

            return rgw;
        }
        catch
        {
            await rgw.DisposeAsync();
            throw;
        }
    }


    /// <summary>SIGTERM, as the orchestrator stops it: the launcher stops each daemon (the OSD saving its data) and exits.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    await term.WaitForExitAsync();
                }

                try
                {
                    await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                }
                catch (TimeoutException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            _process.Dispose();
            if (_ownsDirectory)
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }
}
