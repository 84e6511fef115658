using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Amazon.S3;
using CloudPocket.Api.Files;
using CloudPocket.Api.Storage;
using Microsoft.Extensions.Options;

namespace CloudPocket.Benchmarks;

// The start of an API on the seeded bucket with a snapshot covering every file: newest snapshot, no journal, the
// keys-only listing, no HEAD. Beside it, the emulator's share: the same listing by the SDK alone, measured first so
// the API's wait can be bounded by it.
internal sealed class RebuildBenchmark(BenchContext context, string bucket)
{
    private const int PageSize = 100;
    private const int HttpPages = 300;
    private readonly IAmazonS3 s3 = context.Direct.Client;
    private readonly ResultTable table = context.Table;

    // The target for a size: the issue's 10 s for 100,000 files, 60 s for a million.
    public static double MaxSeconds(int files) => files <= 100_000 ? 10 : 60;

    // Returns how long the SDK alone took to list the keys (the HEAD-path estimate builds on it).
    public async Task<TimeSpan> MeasureAsync(string workload, IReadOnlyCollection<FileRecord> files, CancellationToken cancellationToken)
    {
        Progress.Say($"index: writing a snapshot of {files.Count:N0} files");
        var snapshotBytes = await SnapshotSeed.WriteAsync(s3, bucket, files, cancellationToken);
        table.AddInfo(workload, "snapshot covering every file, written by the API's IndexSnapshot in the benchmark process from the seeded records",
            $"{MiB(snapshotBytes)} gzip JSON");

        Progress.Say($"index: listing by key prefix with the SDK alone ({KeyListing.Alphabet.Length} prefixes, {KeyListing.Concurrency} concurrent)");
        var (listed, listing) = await Timed.RunAsync(() => KeyListing.ListAsync(s3, bucket, cancellationToken));
        table.AddInfo(workload, $"… SDK alone: the API's keys-only listing, {KeyListing.Alphabet.Length} prefixes, {KeyListing.Concurrency} concurrent (the emulator's share)",
            "", Seconds(listing));
        Check(workload, "keys listed by the SDK", listed, files.Count);
        table.AddInfo(workload, "… API code alone, in process: IndexSnapshot.ReadNewestAsync (list, GET, gunzip, JSON) + FileIndex.Load",
            Seconds(await ReadSnapshotAsync(cancellationToken)));

        // Slow is a figure too: the wait allows for the emulator's listing, and only a hang is cut off.
        var timeout = TimeSpan.FromTicks(Math.Max(context.Settings.RebuildTimeout.Ticks, (3 * listing + TimeSpan.FromMinutes(1)).Ticks));
        Progress.Say($"index: API start on the bucket of {files.Count:N0} files with the snapshot (waiting up to {timeout.TotalSeconds:0} s)");
        var start = await RebuildStart.RunAsync(context, bucket, timeout, cancellationToken);
        await using (start.Api)
        {
            var max = MaxSeconds(files.Count);
            if (!start.Healthy)
            {
                table.Add(new ResultRow(workload, "rebuild on start, snapshot present: API process start → /health 200",
                    $"not healthy after {timeout.TotalSeconds:0} s", "—", "—", $"< {max} s", false));
                start.AddDetails(table, workload);
                return listing;
            }

            table.AddLimit(workload, "rebuild on start, snapshot present: API process start → /health 200", start.Seconds, "0.00", max, "s");
            start.AddDetails(table, workload);
            table.AddInfo(workload, "… API RSS once healthy", $"{start.Api.Memory.RssBytes / BenchSettings.MiB} MiB");
            await AddReconciliationAsync(workload, start.Api, timeout, cancellationToken);
            using var client = ApiClient.Create(start.Api.BaseAddress);
            var names = await client.Http.GetFromJsonAsync<List<string>>(new Uri("files/", UriKind.Relative), cancellationToken);
            Check(workload, "files listed by the rebuilt API (GET /files/)", names?.Count ?? 0, files.Count);
            var pages = await IndexPaging.WalkHttpAsync(client.Http, HttpPages, PageSize, cancellationToken);
            table.AddInfo(workload, $"GET /files/page?limit={PageSize} over HTTP on the rebuilt API, p50 / p99",
                $"{ResultTable.Format(pages.Percentile(50), "0.0")} / {ResultTable.Format(pages.Percentile(99), "0.0")} ms");
        }

        return listing;
    }

    // Once healthy, the API compares its index with the keys-only listing in the background; the log says when.
    private async Task AddReconciliationAsync(string workload, ApiProcess api, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var line = await api.WaitForOutputAsync([ReconciledLog], timeout, cancellationToken);
        table.AddInfo(workload, "… then, in the background: the index compared with the bucket listing, API process start → logged",
            line is null ? $"not logged within {timeout.TotalSeconds:0} s" : Seconds(api.SinceStart));
    }

    private const string ReconciledLog = "Index reconciled with the bucket listing";

    // The rest of the start without the listing: the API's own snapshot reader and index, warm, in this process.
    private async Task<TimeSpan> ReadSnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshots = new IndexSnapshot(s3, s3, Options.Create(new S3Options { BucketName = bucket }));
        var clock = Stopwatch.StartNew();
        var contents = await snapshots.ReadNewestAsync(cancellationToken) ?? throw new InvalidOperationException("The seeded snapshot does not read back.");
        new FileIndex().Load(contents.Files);
        return clock.Elapsed;
    }

    private void Check(string workload, string what, int count, int expected)
    {
        if (count != expected)
        {
            table.Add(new ResultRow(workload, what, count.ToString(CultureInfo.InvariantCulture), "", "", expected.ToString("N0", CultureInfo.InvariantCulture), false));
        }
    }

    public static string Seconds(TimeSpan elapsed) => ResultTable.Format(elapsed.TotalSeconds, "0.00") + " s";

    private static string MiB(long bytes) => ResultTable.Format(bytes / (double)BenchSettings.MiB, "0.0") + " MiB";
}
