namespace CloudPocket.Benchmarks;

// A large upload through tus (PATCHes of 32 MiB, as a client behind a 100 MB request cap would send) against the same
// file through POST /upload/, in the same run, each into a fresh API process so that its VmHWM is that upload's peak.
internal sealed class TusBenchmark(BenchContext context)
{
    private const double MinRatio = 0.9;
    private const long PatchSize = 32 * BenchSettings.MiB;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var size = context.Settings.TusSize;
        var label = LargeFileBenchmark.Label(size);
        var sha256 = Payload.Sha256(size);
        double postRate = 0, tusRate = 0, postPeak = 0, tusPeak = 0;
        string postCpu = "", tusCpu = "";
        for (var run = 1; run <= context.Settings.LargeRepeats; run++)
        {
            foreach (var tus in run % 2 == 1 ? new[] { false, true } : [true, false])
            {
                await using var api = await context.StartApiAsync(context.Direct.Bucket, StartTimeout, cancellationToken);
                using var client = ApiClient.Create(api.BaseAddress);
                // Both paths JIT-warmed and their buffers rented once, whichever is measured.
                foreach (var warm in new[]
                {
                    await client.UploadAsync(PatchSize / 2, "warm-up.bin", cancellationToken),
                    await client.UploadResumableAsync(PatchSize / 2, PatchSize / 4, "warm-up.bin", cancellationToken),
                })
                {
                    await client.DeleteAsync(warm.S3Key, cancellationToken);
                }

                await Quiet.WaitAsync([api.ProcessId, Environment.ProcessId, context.EmulatorProcessId], cancellationToken);
                Progress.Say($"tus {label} run {run}: {(tus ? "tus, 32 MiB PATCHes" : "POST /upload/")}");
                var cpu = context.Cpu(api).Start();
                var (uploaded, elapsed) = await Timed.RunAsync(() => tus
                    ? client.UploadResumableAsync(size, PatchSize, "large.bin", cancellationToken)
                    : client.UploadAsync(size, "large.bin", cancellationToken));
                var busy = cpu.Stop();
                if (uploaded.Size != size || uploaded.Sha256 != sha256)
                {
                    throw new InvalidOperationException($"Wrong bytes: {(tus ? "tus" : "POST")} upload of {label}: size {uploaded.Size}, sha256 {uploaded.Sha256}.");
                }

                var rate = Timed.MiBPerSecond(size, elapsed);
                var peak = api.Memory.PeakRssBytes / (double)BenchSettings.MiB;
                if (tus)
                {
                    (tusRate, tusCpu) = rate > tusRate ? (rate, busy) : (tusRate, tusCpu);
                    tusPeak = Math.Max(tusPeak, peak);
                }
                else
                {
                    (postRate, postCpu) = rate > postRate ? (rate, busy) : (postRate, postCpu);
                    postPeak = Math.Max(postPeak, peak);
                }

                await client.DeleteAsync(uploaded.S3Key, cancellationToken);
            }
        }

        var table = context.Table;
        var runs = context.Settings.LargeRepeats > 1 ? $", best of {context.Settings.LargeRepeats}" : "";
        table.AddInfo("tus", "API column: tus with 32 MiB PATCHes; direct column: POST /upload/ of the same file", "—");
        table.AddRatio("tus", $"upload {label}, MiB/s{runs}", tusRate, postRate, "0.0", MinRatio);
        table.AddInfo("tus", $"upload {label}, CPU cores busy", tusCpu, postCpu);
        table.AddInfo("tus", $"API peak RSS (VmHWM) during the {label} upload, POST /upload/", ResultTable.Format(postPeak, "0") + " MiB");
        // No higher than POST's, give or take the GC's noise.
        table.AddLimit("tus", $"API peak RSS (VmHWM) during the {label} upload, tus", tusPeak, "0", postPeak + 16, "MiB");
    }
}
