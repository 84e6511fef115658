using System.Diagnostics;

namespace CloudPocket.Benchmarks;

// A .NET process keeps JIT-compiling in the background (tiered compilation, PGO) for seconds after its code paths
// first ran: up to a third of the API's CPU during the first timed seconds on 2 cores. Timed phases wait until
// the API and this client have gone quiet, so they measure the steady state a long-running server is in.
internal static class Quiet
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);
    private const double IdleCores = 0.05;

    // Returns how long it waited.
    public static async Task<TimeSpan> WaitAsync(IEnumerable<int> processIds, CancellationToken cancellationToken)
    {
        var ids = processIds.ToArray();
        var clock = Stopwatch.StartNew();
        var before = ids.Select(CpuMeter.CpuTime).ToArray();
        while (clock.Elapsed < MaxWait)
        {
            await Task.Delay(Window, cancellationToken);
            var now = ids.Select(CpuMeter.CpuTime).ToArray();
            var busiest = now.Select((t, i) => (t - before[i]).TotalSeconds / Window.TotalSeconds).Max();
            before = now;
            if (busiest < IdleCores)
            {
                break;
            }
        }

        return clock.Elapsed;
    }
}
