using System.Globalization;

namespace CloudPocket.Benchmarks;

// One timed API start on a seeded bucket: process start → /health 200, what the processes' CPUs did meanwhile, and
// what the API logged about its rebuild. The process is left running for the caller to look at, and to dispose.
internal sealed record RebuildStart(ApiProcess Api, bool Healthy, string Cpu)
{
    public static async Task<RebuildStart> RunAsync(BenchContext context, string bucket, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var api = ApiProcess.Launch(context.Settings, context.S3Endpoint, bucket);
        try
        {
            var cpu = context.Cpu(api).Start();
            var healthy = await api.TryWaitForHealthyAsync(timeout, cancellationToken);
            return new RebuildStart(api, healthy, cpu.Stop());
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public double Seconds => Api.TimeToHealthy.TotalSeconds;

    // The API's own summary line ("… from the snapshot, … journal changes, … read one by one"), or why there is none.
    public string Log => Api.RebuiltLog?.Trim() ?? (Healthy ? "(no \"Index rebuilt\" line logged)" : "(not rebuilt)");

    public void AddDetails(ResultTable table, string workload)
    {
        table.AddInfo(workload, "… API log", Log);
        table.AddInfo(workload, "… CPU cores busy until healthy", Cpu);
        if (Api.RebuildRetries > 0)
        {
            table.AddInfo(workload, "… API log: bucket reads that failed and started over", Api.RebuildRetries.ToString(CultureInfo.InvariantCulture));
        }
    }
}
