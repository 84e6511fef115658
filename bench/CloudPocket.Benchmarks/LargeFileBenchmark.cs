using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace CloudPocket.Benchmarks;

// Large files up and down, through the API and straight to S3 in the same run, and the API's peak RSS while it
// takes each upload. Every run starts a fresh API process, so its VmHWM is that run's upload's peak.
internal sealed class LargeFileBenchmark(BenchContext context)
{
    private const double MinRatio = 0.9;
    private const double MaxPeakRssMiB = 150;
    // "Memory must not grow with the file": the 1 GiB peak may exceed the 256 MiB one by GC noise, not by parts.
    private const double MaxGrowthMiB = 16;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var direct = context.Direct;
        var table = context.Table;
        var workload = $"Large files{context.On}";
        var memory = $"Memory{context.On}";
        var partSize = settings.EffectivePartSize;
        var partsInFlight = settings.EffectivePartConcurrency;
        var peaks = new List<(long Size, double PeakMiB)>();
        // The API hashes every uploaded byte twice (the file's SHA-256, then the SDK's SigV4 payload signature, which
        // plain-HTTP endpoints require); the direct SDK only signs. Without SHA extensions this bounds the upload ratio.
        table.AddInfo(workload, "SHA-256 on one core of this CPU (the API hashes each uploaded byte twice, the direct SDK once)",
            ResultTable.Format(Sha256MiBPerSecond(), "0") + " MiB/s");
        foreach (var size in settings.LargeSizes)
        {
            var label = Label(size);
            Progress.Say($"large {label}: computing the payload's SHA-256 (not timed)");
            var sha256 = Payload.Sha256(size);
            var apiUp = new Best();
            var directUp = new Best();
            var apiDown = new Best();
            var directDown = new Best();
            double peakMiB = 0, idleMiB = 0;
            for (var run = 1; run <= settings.LargeRepeats; run++)
            {
                // Alternate who goes first, so neither side always meets a warmer or colder emulator.
                var apiFirst = run % 2 == 1;
                var directKey = "bench-large-" + Guid.NewGuid().ToString("N");
                await using var api = await context.StartApiAsync(direct.Bucket, StartTimeout, cancellationToken);
                using var client = ApiClient.Create(api.BaseAddress);
                await WarmUpAsync(client, partSize, cancellationToken);
                await Quiet.WaitAsync([api.ProcessId, Environment.ProcessId, context.EmulatorProcessId], cancellationToken);
                idleMiB = Math.Max(idleMiB, api.Memory.RssBytes / (double)BenchSettings.MiB);
                var apiCpu = context.Cpu(api);
                var directCpu = context.Cpu(null);

                Uploaded? uploaded = null;
                async Task ApiUpload()
                {
                    Progress.Say($"large {label} run {run}: API upload");
                    var cpu = apiCpu.Start();
                    try
                    {
                        var (result, elapsed) = await Timed.RunAsync(() => client.UploadAsync(size, "large.bin", cancellationToken));
                        apiUp.Offer(Timed.MiBPerSecond(size, elapsed), cpu.Stop());
                        Check(result.Size == size && result.Sha256 == sha256, $"API upload of {label}: size {result.Size}, sha256 {result.Sha256}");
                        uploaded = result;
                    }
                    catch (HttpRequestException e)
                    {
                        // A failed upload is a figure too: say why, and go on with the other transfers.
                        apiUp.Fail(e.Message, api.LastOutput());
                        Progress.Say($"large {label} run {run}: API upload FAILED: {e.Message}");
                    }

                    peakMiB = Math.Max(peakMiB, api.Memory.PeakRssBytes / (double)BenchSettings.MiB);
                }

                async Task DirectUpload()
                {
                    Progress.Say($"large {label} run {run}: direct upload");
                    var cpu = directCpu.Start();
                    var elapsed = await Timed.RunAsync(() => direct.UploadAsync(directKey, size, partSize, partsInFlight, cancellationToken));
                    directUp.Offer(Timed.MiBPerSecond(size, elapsed), cpu.Stop());
                }

                async Task ApiDownload()
                {
                    if (uploaded is null)
                    {
                        return;
                    }

                    Progress.Say($"large {label} run {run}: API download");
                    var cpu = apiCpu.Start();
                    var ((bytes, hash), elapsed) = await Timed.RunAsync(() => client.DownloadAsync(uploaded!.S3Key, cancellationToken));
                    apiDown.Offer(Timed.MiBPerSecond(size, elapsed), cpu.Stop());
                    Check(bytes == size && hash == sha256, $"API download of {label}: {bytes} bytes, sha256 {hash}");
                }

                async Task DirectDownload()
                {
                    Progress.Say($"large {label} run {run}: direct download");
                    var cpu = directCpu.Start();
                    var ((bytes, hash), elapsed) = await Timed.RunAsync(() => direct.DownloadAsync(directKey, cancellationToken));
                    directDown.Offer(Timed.MiBPerSecond(size, elapsed), cpu.Stop());
                    Check(bytes == size && hash == sha256, $"direct download of {label}: {bytes} bytes, sha256 {hash}");
                }

                // The API process idles while the direct transfers run, so its peak RSS stays its own upload's.
                if (apiFirst)
                {
                    await ApiUpload();
                    await DirectUpload();
                    await ApiDownload();
                    await DirectDownload();
                }
                else
                {
                    await DirectUpload();
                    await ApiUpload();
                    await DirectDownload();
                    await ApiDownload();
                }

                // Gigabytes of leftovers would only slow the emulator down for what follows.
                if (uploaded is not null)
                {
                    await client.DeleteAsync(uploaded.S3Key, cancellationToken);
                }

                await direct.DeleteAsync(directKey, cancellationToken);
            }

            var runs = settings.LargeRepeats > 1 ? $", best of {settings.LargeRepeats}" : "";
            if (apiUp.Failures.Count > 0)
            {
                table.Add(new ResultRow(workload, $"API uploads of {label} that failed", $"{apiUp.Failures.Count} of {settings.LargeRepeats}", "—", "—", "none", false));
                table.AddInfo(workload, $"… why (API log)", apiUp.Failures[0]);
            }

            table.AddRatio(workload, $"upload {label}, MiB/s{runs}", apiUp.Value, directUp.Value, "0.0", MinRatio);
            table.AddInfo(workload, $"upload {label}, CPU cores busy", apiUp.Cpu, directUp.Cpu);
            table.AddRatio(workload, $"download {label}, MiB/s{runs}", apiDown.Value, directDown.Value, "0.0", MinRatio);
            table.AddInfo(workload, $"download {label}, CPU cores busy", apiDown.Cpu, directDown.Cpu);
            table.AddInfo(memory, $"API RSS after start and a warm-up upload ({label} runs)", ResultTable.Format(idleMiB, "0") + " MiB");
            table.AddLimit(memory, $"API peak RSS (VmHWM) during the {label} upload", peakMiB, "0", MaxPeakRssMiB, "MiB");
            peaks.Add((size, peakMiB));
        }

        if (peaks.Count >= 2)
        {
            var (smallSize, smallPeak) = peaks[0];
            var (largeSize, largePeak) = peaks[^1];
            table.AddLimit(memory, $"peak growth from the {Label(smallSize)} to the {Label(largeSize)} upload", largePeak - smallPeak, "0", MaxGrowthMiB, "MiB");
        }
    }

    private static double Sha256MiBPerSecond()
    {
        const int Rounds = 128;
        var block = new byte[(int)BenchSettings.MiB];
        Payload.Fill(block, 0);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Rounds; i++)
        {
            hash.AppendData(block);
        }

        hash.GetHashAndReset();
        return Rounds / clock.Elapsed.TotalSeconds;
    }

    public static string Label(long size) => size >= 1024 * BenchSettings.MiB && size % (1024 * BenchSettings.MiB) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{size / (1024 * BenchSettings.MiB)} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{size / (double)BenchSettings.MiB:0.#} MiB");

    // A fresh process JITs on its first requests: one small multipart upload and download first, like a server
    // that has served before. Its buffers are the same ones the large upload then reuses.
    private static async Task WarmUpAsync(ApiClient client, int partSize, CancellationToken cancellationToken)
    {
        var warm = await client.UploadAsync(2L * partSize + 1, "warm-up.bin", cancellationToken);
        await client.DownloadAsync(warm.S3Key, cancellationToken);
        await client.DeleteAsync(warm.S3Key, cancellationToken);
    }

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Wrong bytes: {what}.");
        }
    }

    // The best run's throughput, with the CPU it took.
    private sealed class Best
    {
        public double Value { get; private set; }

        public string Cpu { get; private set; } = "";

        public List<string> Failures { get; } = [];

        // The API's own words for it: the last warning it logged, else the client's error.
        public void Fail(string error, string apiOutput)
        {
            var lines = apiOutput.Split(Environment.NewLine);
            var warning = Array.FindLastIndex(lines, l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal));
            Failures.Add(warning >= 0 && warning + 1 < lines.Length ? lines[warning + 1].Trim() : error);
        }

        public void Offer(double value, string cpu)
        {
            if (value > Value)
            {
                Value = value;
                Cpu = cpu;
            }
        }
    }
}
