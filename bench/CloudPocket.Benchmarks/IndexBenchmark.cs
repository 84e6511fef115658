using System.Globalization;
using CloudPocket.Api.Storage;

namespace CloudPocket.Benchmarks;

// The index at each size: in process (memory per entry, paging), then the API's start on a bucket of that many
// files in the layout it writes (one object per file, a snapshot under .cloudpocket/). One emulator for all sizes:
// the bucket grows from one size to the next, so a million files cost a million PUTs, not 1.1 million.
internal sealed class IndexBenchmark(BenchContext context)
{
    private const string Bucket = "bench-index";
    private const string EmptyBucket = "bench-empty";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sizes = context.Settings.IndexSizes.Order().ToList();
        var table = context.Table;
        var s3 = context.Direct.Client;
        var records = IndexRecords.Create(sizes[^1]).ToArray();
        await s3.PutBucketAsync(Bucket, cancellationToken);

        Progress.Say("index: API start on an empty bucket");
        TimeSpan emptyStart;
        await using (var empty = await context.StartApiAsync(EmptyBucket, StartTimeout, cancellationToken))
        {
            emptyStart = empty.TimeToHealthy;
        }

        var rebuild = new RebuildBenchmark(context, Bucket);
        var headPath = new HeadPathBenchmark(context, Bucket);
        var seeded = 0;
        foreach (var size in sizes)
        {
            var workload = $"Index ({size.ToString("N0", CultureInfo.InvariantCulture)} entries)";
            IndexInProcess.Measure(table, workload, size);
            if (seeded == 0)
            {
                table.AddInfo(workload, "API start alone (empty bucket)", RebuildBenchmark.Seconds(emptyStart));
            }

            var seeding = await BucketSeeder.SeedAsync(s3, Bucket, records, seeded, size, cancellationToken);
            table.AddInfo(workload, $"seeding: {size - seeded:N0} more files as the API stores them (one object each, {IndexRecords.Body(records[0].S3Key).Length}-byte body, " +
                $"Content-Type, Content-Disposition, metadata), {BucketSeeder.Concurrency} concurrent PUTs", "",
                $"{RebuildBenchmark.Seconds(seeding)} ({ResultTable.Format((size - seeded) / seeding.TotalSeconds, "0")} PUT/s)");
            seeded = size;
            table.AddInfo(workload, "emulator RSS with the bucket seeded", $"{ProcessMemory.Read(context.EmulatorProcessId).RssBytes / BenchSettings.MiB} MiB");

            var files = new ArraySegment<FileRecord>(records, 0, size);
            var listing = await rebuild.MeasureAsync(workload, files, cancellationToken);
            await headPath.MeasureAsync(workload, size, listing, cancellationToken);
        }
    }
}
