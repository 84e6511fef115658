using System.Collections.Concurrent;
using System.Globalization;

namespace CloudPocket.Benchmarks;

// Small files with many clients at once: the API's per-request overhead against the SDK's PUT/GET of the same bytes.
internal sealed class SmallFileBenchmark(BenchContext context)
{
    private const double MinRatio = 0.7;
    private const int KeysKept = 2000;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    // Long enough for tiered compilation to finish on both sides: a service runs optimised code, not its first tier.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var direct = context.Direct;
        var size = settings.SmallFileBytes;
        var label = size % 1024 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{size / 1024} KiB") : $"{size} B";
        var body = new byte[size];
        Payload.Fill(body, 0);

        await using var api = await context.StartApiAsync(direct.Bucket, StartTimeout, cancellationToken);
        using var client = ApiClient.Create(api.BaseAddress);
        var cpu = context.Cpu(api);
        var directKeys = new ConcurrentQueue<string>();
        var apiKeys = new ConcurrentQueue<string>();

        async Task DirectPut(int _, CancellationToken ct)
        {
            var key = "bench-small-" + Guid.NewGuid().ToString("N");
            await direct.PutAsync(key, body, "application/octet-stream", ct);
            Keep(directKeys, key);
        }

        async Task ApiUpload(int _, CancellationToken ct) => Keep(apiKeys, (await client.UploadAsync(size, "small.bin", ct)).S3Key);

        var clients = settings.Clients;
        var phase = settings.SmallPhase;
        // Warm both sides (JIT, connection pools, the emulator's maps) before anything is timed.
        await LoadPhase.RunAsync("warm-up: direct PUT", clients, WarmUp, cpu, DirectPut, cancellationToken);
        await LoadPhase.RunAsync("warm-up: API upload", clients, WarmUp, cpu, ApiUpload, cancellationToken);

        var directPut = await LoadPhase.RunAsync("direct PUT", clients, phase, cpu, DirectPut, cancellationToken);
        var apiUpload = await LoadPhase.RunAsync("API upload", clients, phase, cpu, ApiUpload, cancellationToken);
        var uploadPeak = api.Memory.PeakRssBytes;

        var directKeyArray = directKeys.ToArray();
        var apiKeyArray = apiKeys.ToArray();
        var counters = new int[clients];
        Task DirectGet(int c, CancellationToken ct) => direct.GetAsync(directKeyArray[(c + counters[c]++ * clients) % directKeyArray.Length], ct);
        Task ApiGet(int c, CancellationToken ct) => client.GetAsync(apiKeyArray[(c + counters[c]++ * clients) % apiKeyArray.Length], ct);

        await LoadPhase.RunAsync("warm-up: direct GET", clients, WarmUp, cpu, DirectGet, cancellationToken);
        await LoadPhase.RunAsync("warm-up: API download", clients, WarmUp, cpu, ApiGet, cancellationToken);
        var directGet = await LoadPhase.RunAsync("direct GET", clients, phase, cpu, DirectGet, cancellationToken);
        var apiGet = await LoadPhase.RunAsync("API download", clients, phase, cpu, ApiGet, cancellationToken);

        var table = context.Table;
        var workload = $"Small files ({label}, {clients} clients, {phase.TotalSeconds:0} s each){context.On}";
        // The API's PUT is the file's one object: it also carries Content-Disposition and three metadata headers
        // (StoredObject), and the API writes a journal batch every 200 ms and reads the journal; the direct PUT is plain.
        table.AddRatio(workload, "upload, requests/s (API: PUT with Content-Disposition and metadata, plus the journal; direct: plain PutObject)",
            apiUpload.RequestsPerSecond, directPut.RequestsPerSecond, "0", MinRatio);
        table.AddInfo(workload, "upload p50 / p99, ms", Latency(apiUpload), Latency(directPut));
        table.AddInfo(workload, "upload, CPU cores busy", apiUpload.CpuCores, directPut.CpuCores);
        table.AddRatio(workload, "download, requests/s", apiGet.RequestsPerSecond, directGet.RequestsPerSecond, "0", MinRatio);
        table.AddInfo(workload, "download p50 / p99, ms", Latency(apiGet), Latency(directGet));
        table.AddInfo(workload, "download, CPU cores busy", apiGet.CpuCores, directGet.CpuCores);
        table.AddInfo(workload, "API peak RSS (VmHWM) after the upload phases / after all",
            $"{uploadPeak / BenchSettings.MiB} / {api.Memory.PeakRssBytes / BenchSettings.MiB} MiB");
        var errors = directPut.Errors + apiUpload.Errors + directGet.Errors + apiGet.Errors;
        if (errors > 0)
        {
            table.Add(new ResultRow(workload, "failed requests", errors.ToString(CultureInfo.InvariantCulture), "", "", "0", false));
        }
    }

    private static string Latency(PhaseResult result) =>
        $"{ResultTable.Format(result.P50Milliseconds, "0.0")} / {ResultTable.Format(result.P99Milliseconds, "0.0")}";

    private static void Keep(ConcurrentQueue<string> keys, string key)
    {
        if (keys.Count < KeysKept)
        {
            keys.Enqueue(key);
        }
    }
}
