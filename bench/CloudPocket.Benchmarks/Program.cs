using System.Globalization;
using System.Text.Json;

namespace CloudPocket.Benchmarks;

// One run of every workload of issue 4, each against a fresh emulator; progress on stderr, the table on stdout.
// Exit code: 0 when every target is met, 1 when one is not, 2 when the run itself failed.
internal static class Program
{
    private const string Bucket = "bench";

    public static async Task<int> Main(string[] args)
    {
        BenchSettings settings;
        try
        {
            settings = BenchSettings.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var started = DateTimeOffset.UtcNow;
        var loadAtStart = MachineInfo.LoadAverage();
        var table = new ResultTable();
        var broken = false;
        var workloads = new (string Name, bool OnRgw, Func<BenchContext, Task> Run)[]
        {
            ("large", false, context => new LargeFileBenchmark(context).RunAsync(stop.Token)),
            ("small", false, context => new SmallFileBenchmark(context).RunAsync(stop.Token)),
            ("index", false, context => new IndexBenchmark(context).RunAsync(stop.Token)),
            ("replicas", false, context => new ReplicaBenchmark(context).RunAsync(stop.Token)),
            ("page", false, context => new PageBenchmark(context).RunAsync(stop.Token)),
            ("tus", false, context => new TusBenchmark(context).RunAsync(stop.Token)),
            // The same large and small workloads on a real S3 server, Ceph RGW: are the ratios the emulator's alone?
            ("large-rgw", true, context => new LargeFileBenchmark(context).RunAsync(stop.Token)),
            ("small-rgw", true, context => new SmallFileBenchmark(context).RunAsync(stop.Token)),
        };
        foreach (var (name, onRgw, run) in workloads.Where(w => settings.Workloads.Contains(w.Name)))
        {
            // A fresh server per workload: fauxqs and memstore keep every object in memory, and the GiBs the large
            // files leave behind would slow down whatever runs next.
            Progress.Say($"{name}: starting {(onRgw ? "Ceph RGW (mon, memstore OSD, radosgw; temp folder)" : "the S3 emulator (fauxqs, temp data folder)")}");
            await using IS3Server server = onRgw ? await CephRgw.StartAsync(Bucket, stop.Token) : await FauxqsEmulator.StartAsync(Bucket, stop.Token);
            using var s3 = DirectS3.CreateClient(server.Endpoint, server.ChecksumsOnlyWhenRequired);
            var direct = new DirectS3(s3, server.BucketName, server.ChecksumsOnlyWhenRequired);
            Progress.Say($"{name}: S3 at {server.Endpoint}; warming up the SDK");
            await WarmUpAsync(direct, settings, stop.Token);
            try
            {
                await run(new BenchContext(settings, server, direct, table, onRgw ? " on Ceph RGW" : ""));
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                // One broken workload still leaves the others' figures worth printing.
                Progress.Say($"{name}: FAILED: {e}");
                table.Add(new ResultRow(name, "did not complete", e.GetType().Name + ": " + FirstLine(e.Message), "", "", "completes", false));
                broken = true;
            }

            Progress.Say($"{name}: stopping the S3 server");
        }

        var took = DateTimeOffset.UtcNow - started;
        await Console.Out.WriteAsync(table.Render(Header(settings, started, took, loadAtStart, MachineInfo.LoadAverage())));
        return broken ? 2 : table.Failed == 0 ? 0 : 1;
    }

    private static string Header(BenchSettings settings, DateTimeOffset started, TimeSpan took, string loadAtStart, string loadAtEnd)
    {
        var api = $"Release build, S3 parts {settings.EffectivePartSize / BenchSettings.MiB} MiB × {settings.EffectivePartConcurrency} in flight, {ApiRuntimeSettings(settings.ApiPath)}";
        if (settings.ApiEnvironment.Count > 0)
        {
            api += ", env " + string.Join(" ", settings.ApiEnvironment.Select(kv => $"{kv.Key}={kv.Value}"));
        }

        return string.Join(Environment.NewLine,
            "### CloudPocket benchmark" + (settings.Quick ? " (--quick: reduced sizes, not the issue's workloads)" : ""),
            "",
            string.Create(CultureInfo.InvariantCulture, $"- Date: {started:yyyy-MM-dd HH:mm} UTC, run took {took.TotalMinutes:0.0} min"),
            $"- Machine: {MachineInfo.Describe()}; load average (1 min) {loadAtStart} before the run, {loadAtEnd} after it",
            $"- S3: {MachineInfo.Emulator()} on loopback, file persistence in a temp folder; {MachineInfo.Ceph()} for the workloads on Ceph RGW; a fresh server per workload, the same one for the API and the direct SDK",
            $"- API: {api}",
            "- Direct: AWSSDK.S3 in the benchmark process, multipart with the API's part size and parts in flight, CRC32 part checksums (none on Ceph RGW, where both the API and the SDK calculate checksums only when required), GetObject");
    }

    // The GC settings the API runs with, as its build wrote them into its runtimeconfig.json.
    private static string ApiRuntimeSettings(string apiPath)
    {
        var path = Path.ChangeExtension(apiPath, ".runtimeconfig.json");
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var gc = json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
                ? properties.EnumerateObject().Where(p => p.Name.StartsWith("System.GC.", StringComparison.Ordinal)).Select(p => $"{p.Name[10..]}={p.Value}").ToList()
                : [];
            return gc.Count > 0 ? "GC " + string.Join(", ", gc) : "GC defaults";
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException)
        {
            return "GC settings unknown";
        }
    }

    // The first SDK calls JIT-compile the client and open connections: not what the direct figures should include.
    private static async Task WarmUpAsync(DirectS3 direct, BenchSettings settings, CancellationToken cancellationToken)
    {
        var key = "bench-warm-up";
        await direct.UploadAsync(key, 2L * settings.EffectivePartSize + 1, settings.EffectivePartSize, settings.EffectivePartConcurrency, cancellationToken);
        await direct.DownloadAsync(key, cancellationToken);
        await direct.PutAsync(key, new byte[16], "application/octet-stream", cancellationToken);
        await direct.GetAsync(key, cancellationToken);
        await direct.DeleteAsync(key, cancellationToken);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
