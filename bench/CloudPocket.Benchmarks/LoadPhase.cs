using System.Diagnostics;

namespace CloudPocket.Benchmarks;

// N clients, each sending one request after another for a fixed time; every request's latency is kept.
internal static class LoadPhase
{
    private const int MaxErrorsShown = 3;

    public static async Task<PhaseResult> RunAsync(
        string name, int clients, TimeSpan duration, CpuMeter cpu, Func<int, CancellationToken, Task> request, CancellationToken cancellationToken)
    {
        if (!name.StartsWith("warm-up", StringComparison.Ordinal))
        {
            var waited = await Quiet.WaitAsync(cpu.ProcessIds, cancellationToken);
            Progress.Say($"small: waited {waited.TotalSeconds:0.0} s for the processes to go quiet (background JIT)");
        }

        Progress.Say($"small: {name}, {clients} clients for {duration.TotalSeconds:0} s");
        var perClient = Enumerable.Range(0, clients).Select(_ => new Latencies()).ToArray();
        var errors = new List<string>();
        var cpuSection = cpu.Start();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var latencies = perClient[client];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await request(client, cancellationToken);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception e) when (e is HttpRequestException or Amazon.Runtime.AmazonClientException
                                                 or Amazon.Runtime.AmazonServiceException or TaskCanceledException
                                          && !cancellationToken.IsCancellationRequested)
                {
                    lock (errors)
                    {
                        errors.Add(e.Message);
                    }
                }
            }
        }, cancellationToken)));
        var elapsed = clock.Elapsed;
        var cpuUsed = cpuSection.Stop();

        var all = new Latencies();
        foreach (var latencies in perClient)
        {
            all.AddRange(latencies);
        }

        if (errors.Count > 0)
        {
            Progress.Say($"small: {name}: {errors.Count} failed requests, e.g. {string.Join(" | ", errors.Distinct().Take(MaxErrorsShown))}");
        }

        return new PhaseResult(all.Count / elapsed.TotalSeconds, all.Percentile(50), all.Percentile(99), errors.Count, cpuUsed);
    }
}

internal sealed record PhaseResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, int Errors, string CpuCores);
