using System.Diagnostics;

namespace CloudPocket.Benchmarks;

internal static class Timed
{
    public static async Task<TimeSpan> RunAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed;
    }

    public static async Task<(T Result, TimeSpan Elapsed)> RunAsync<T>(Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        var result = await action();
        return (result, clock.Elapsed);
    }

    public static double MiBPerSecond(long bytes, TimeSpan elapsed) => bytes / (double)BenchSettings.MiB / elapsed.TotalSeconds;
}
