using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Amazon.S3;
using Amazon.S3.Model;
using CloudPocket.Api.Files;
using CloudPocket.Api.Storage;

namespace CloudPocket.Benchmarks;

// The in-memory index at 100,000 entries: paging it in process, and rebuilding it from a bucket of that many
// files when the API starts. The rebuild is a listing of the record keys (RecordKey: the metadata is in the key);
// the rows below it split it into the emulator's part (the listing, by the SDK alone) and the API's own (parsing
// the keys and loading the index, in process).
internal sealed class IndexBenchmark(BenchContext context)
{
    private const string Bucket = "bench-index";
    private const string EmptyBucket = "bench-empty";
    private const int PageSize = 100;
    private const double MaxPageP99Ms = 10;
    private const double MaxRebuildSeconds = 10;
    private const int SeedConcurrency = 32;
    private const int HttpPages = 300;
    // As S3FileStore lists the records: one listing per first character of the key, this many at once.
    private const int ListConcurrency = 4;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromMinutes(1);

    private readonly BenchSettings settings = context.Settings;
    private readonly IAmazonS3 s3 = context.Direct.Client;
    private readonly ResultTable table = context.Table;

    private string Entries => settings.IndexEntries.ToString("N0", CultureInfo.InvariantCulture);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var records = CreateRecords(settings.IndexEntries);
        MeasureInProcess(records);
        await MeasureRebuildAsync(records, cancellationToken);
    }

    private void MeasureInProcess(List<FileRecord> records)
    {
        Progress.Say($"index: {Entries} entries in process");
        var index = new FileIndex();
        var load = Stopwatch.StartNew();
        index.Load(records);
        load.Stop();

        // Warm-up, then every page of the whole listing twice, each page fetched with the previous page's cursor.
        WalkPages(index, pages: 200, new Latencies());
        var pages = new Latencies();
        WalkPages(index, int.MaxValue, pages);
        WalkPages(index, int.MaxValue, pages);

        var filtered = new Latencies();
        var noMatch = new Latencies();
        for (var i = 0; i < 200; i++)
        {
            Time(filtered, () => index.Page(null, PageSize, "report"));
        }

        for (var i = 0; i < 20; i++)
        {
            Time(noMatch, () => index.Page(null, PageSize, "no-such-name"));
        }

        var workload = $"Index ({Entries} entries)";
        table.AddLimit(workload, $"FileIndex.Page of {PageSize}, walking all pages, p99 (in process, {pages.Count} pages)", pages.Percentile(99), "0.000", MaxPageP99Ms, "ms");
        table.AddInfo(workload, "FileIndex.Page p50", ResultTable.Format(pages.Percentile(50), "0.000") + " ms");
        table.AddInfo(workload, "FileIndex.Page with a name filter matching 1%, p99", ResultTable.Format(filtered.Percentile(99), "0.000") + " ms");
        table.AddInfo(workload, "FileIndex.Page with a filter matching nothing (full scan), p99", ResultTable.Format(noMatch.Percentile(99), "0.0") + " ms");
        table.AddInfo(workload, "FileIndex.Load of all entries", ResultTable.Format(load.Elapsed.TotalMilliseconds, "0") + " ms");
    }

    private async Task MeasureRebuildAsync(List<FileRecord> records, CancellationToken cancellationToken)
    {
        var workload = $"Index ({Entries} entries)";
        await s3.PutBucketAsync(Bucket, cancellationToken);
        var seeding = await Timed.RunAsync(() => SeedAsync(records, cancellationToken));

        Progress.Say("index: API start on an empty bucket");
        TimeSpan emptyStart;
        await using (var empty = await context.StartApiAsync(EmptyBucket, RebuildTimeout, cancellationToken))
        {
            emptyStart = empty.TimeToHealthy;
        }

        var rebuildTimeout = settings.RebuildTimeout;
        Progress.Say($"index: API start on the bucket of {Entries} files (rebuild; waiting up to {rebuildTimeout.TotalSeconds:0} s)");
        var httpPages = new Latencies();
        var listed = -1;
        await using (var api = ApiProcess.Launch(settings, context.S3Endpoint, Bucket))
        {
            var cpu = context.Cpu(api).Start();
            var healthy = await api.TryWaitForHealthyAsync(rebuildTimeout, cancellationToken);
            var cpuUsed = cpu.Stop();
            if (healthy)
            {
                table.AddLimit(workload, "rebuild on start: API process start → /health 200", api.TimeToHealthy.TotalSeconds, "0.00", MaxRebuildSeconds, "s");
                using var client = ApiClient.Create(api.BaseAddress);
                listed = (await client.Http.GetFromJsonAsync<List<string>>(new Uri("files/", UriKind.Relative), cancellationToken))?.Count ?? 0;
                await WalkHttpPagesAsync(client.Http, httpPages, cancellationToken);
            }
            else
            {
                table.Add(new ResultRow(workload, "rebuild on start: API process start → /health 200",
                    $"not healthy after {rebuildTimeout.TotalSeconds:0} s", "—", "—", $"< {MaxRebuildSeconds} s", false));
            }

            table.AddInfo(workload, "… API log: bucket reads that failed and started over (S3 request timeout)",
                api.RebuildRetries.ToString(CultureInfo.InvariantCulture));
            table.AddInfo(workload, "… CPU cores busy during the rebuild", cpuUsed);
        }

        table.AddInfo(workload, "… API start alone (empty bucket)", Seconds(emptyStart));

        // The API's listing done by the SDK alone, without the API: how long the emulator itself needs.
        Progress.Say($"index: listing by key prefix with the SDK alone ({Alphabet.Length} prefixes, {ListConcurrency} concurrent)");
        var (keys, listing) = await Timed.RunAsync(() => ListPartitionedAsync(cancellationToken));
        table.AddInfo(workload, $"… SDK alone: list {RecordKey.Prefix} by key prefix as the API does, {Alphabet.Length} prefixes, {ListConcurrency} concurrent", "",
            Seconds(listing));

        var index = ParseAndLoad(keys, out var parsing);
        table.AddInfo(workload, $"… API code alone: parse {Entries} record keys + FileIndex.Load (in process)", Seconds(parsing));

        if (listed >= 0)
        {
            table.AddInfo(workload, $"GET /files/page?limit={PageSize} over HTTP on the rebuilt API, p50 / p99",
                $"{ResultTable.Format(httpPages.Percentile(50), "0.0")} / {ResultTable.Format(httpPages.Percentile(99), "0.0")} ms");
        }

        if ((listed >= 0 && listed != records.Count) || index.Count != records.Count)
        {
            table.Add(new ResultRow(workload, "files listed after the rebuild / parsed from the SDK's listing", listed.ToString(CultureInfo.InvariantCulture),
                index.Count.ToString(CultureInfo.InvariantCulture), "", Entries, false));
        }

        table.AddInfo(workload, $"seeding: {records.Count:N0} PUTs (small files as the API stores them: one record object each, holding the bytes), {SeedConcurrency} concurrent", "",
            $"{Seconds(seeding)} ({ResultTable.Format(records.Count / seeding.TotalSeconds, "0")} PUT/s)");
    }

    // What the API writes for each small upload: one record object whose key holds the metadata and whose body holds
    // the bytes. (A file over one part adds a data object; the listing the rebuild waits on would then scan twice the
    // objects on fauxqs, which looks at every object of the bucket for each listing call.)
    private async Task SeedAsync(List<FileRecord> records, CancellationToken cancellationToken)
    {
        Progress.Say($"index: writing {Entries} files to bucket {Bucket}");
        var done = 0;
        var step = Math.Max(1, records.Count / 10);
        await Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = SeedConcurrency, CancellationToken = cancellationToken }, async (record, ct) =>
        {
            // As the API stores a small file: one object, its record, holding the bytes (one byte here).
            var inline = record with { Size = 1, ETag = null, Inline = true };
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = RecordKey.Format(inline), ContentBody = "x" }, ct);
            if (Interlocked.Increment(ref done) % step == 0)
            {
                Progress.Say($"index: {done:N0} of {records.Count:N0} written");
            }
        });
    }

    // S3FileStore's listing: per first character of the key (keys are base32, so 32 prefixes), a few prefixes at
    // once. fauxqs sorts everything under the prefix for every page, so each listing sorts a thirty-second of the
    // records; real S3 also lists separate prefixes in parallel.
    private async Task<List<string>> ListPartitionedAsync(CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await Parallel.ForEachAsync(Alphabet, new ParallelOptions { MaxDegreeOfParallelism = ListConcurrency, CancellationToken = cancellationToken }, async (first, ct) =>
        {
            var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = RecordKey.Prefix + first };
            do
            {
                var page = await s3.ListObjectsV2Async(request, ct);
                lock (keys)
                {
                    keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
                }

                request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (request.ContinuationToken is not null);
        });
        return keys;
    }

    // The API's own share of the rebuild: the keys back into records, and the index built from them.
    private static FileIndex ParseAndLoad(List<string> keys, out TimeSpan elapsed)
    {
        var clock = Stopwatch.StartNew();
        var index = new FileIndex();
        index.Load(keys.Select(key => RecordKey.TryParse(key, out var record) ? record : null).OfType<FileRecord>());
        elapsed = clock.Elapsed;
        return index;
    }

    private static async Task WalkHttpPagesAsync(HttpClient http, Latencies latencies, CancellationToken cancellationToken)
    {
        string? cursor = null;
        for (var i = 0; i < HttpPages; i++)
        {
            var uri = new Uri(cursor is null ? $"files/page?limit={PageSize}" : $"files/page?limit={PageSize}&cursor={Uri.EscapeDataString(cursor)}", UriKind.Relative);
            var started = Stopwatch.GetTimestamp();
            var page = await http.GetFromJsonAsync<PageResponse>(uri, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            cursor = page?.NextCursor;
        }
    }

    private static void WalkPages(FileIndex index, int pages, Latencies latencies)
    {
        string? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            var page = Time(latencies, () => index.Page(cursor, PageSize, null));
            cursor = page.NextCursor;
            if (cursor is null)
            {
                return;
            }
        }
    }

    private static T Time<T>(Latencies latencies, Func<T> action)
    {
        var started = Stopwatch.GetTimestamp();
        var result = action();
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    // Files as the API would have recorded them: distinct upload times, realistic names, 1% of them "Report …".
    private static List<FileRecord> CreateRecords(int count)
    {
#pragma warning disable CA5394 // Benchmark data, not security.
        var random = new Random(4);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var records = new List<FileRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var key = string.Create(26, random, static (chars, r) =>
            {
                for (var c = 0; c < chars.Length; c++)
                {
                    chars[c] = Alphabet[r.Next(Alphabet.Length)];
                }
            });
            var name = i % 100 == 0 ? $"Report {i}.pdf" : $"IMG_{i:D6}.jpg";
            var sha256 = Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())) + new string('0', 48);
            records.Add(new FileRecord(key, name, random.Next(1, 10_000_000), "image/jpeg", sha256, start.AddSeconds(i * 7.5), $"\"{sha256[..32]}\""));
        }
#pragma warning restore CA5394
        return records;
    }

    private static string Seconds(TimeSpan elapsed) => ResultTable.Format(elapsed.TotalSeconds, "0.00") + " s";

    private sealed record PageResponse([property: JsonPropertyName("next_cursor")] string? NextCursor);
}
