using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Amazon.S3.Model;
using CloudPocket.Api.Storage;

namespace CloudPocket.Benchmarks;

// Two API processes on one bucket, as replicas behind a load balancer: each upload to A, one at a time at a steady
// rate, is timed from A's 200 until B lists it. B learns of it only through the journal (A batches every 200 ms, B
// reads every 500 ms): B's listing is used because a metadata GET of a key B does not know reads through to S3.
internal sealed class ReplicaBenchmark(BenchContext context)
{
    private const string Bucket = "bench-replicas";
    private const int FileBytes = 4 * 1024;
    private const int WarmUpUploads = 5;
    private static readonly TimeSpan UploadInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var count = context.Settings.ReplicaUploads;
        await using var a = await context.StartApiAsync(Bucket, StartTimeout, cancellationToken);
        await using var b = await context.StartApiAsync(Bucket, StartTimeout, cancellationToken);
        using var writer = ApiClient.Create(a.BaseAddress);
        using var reader = ApiClient.Create(b.BaseAddress);
        var run = Guid.NewGuid().ToString("N")[..8];
        Progress.Say($"replicas: {WarmUpUploads} warm-up uploads, then {count} to A at {1 / UploadInterval.TotalSeconds:0}/s, each polled on B");
        for (var i = 0; i < WarmUpUploads; i++)
        {
            await writer.UploadAsync(FileBytes, $"warm-up-{run}-{i}.bin", cancellationToken);
            await WaitListedAsync(reader.Http, $"warm-up-{run}-{i}.bin", Stopwatch.GetTimestamp(), cancellationToken);
        }

        var uploads = new Latencies();
        var polls = new List<Task<double?>>();
        using var timer = new PeriodicTimer(UploadInterval);
        for (var i = 0; i < count && await timer.WaitForNextTickAsync(cancellationToken); i++)
        {
            var name = $"replica-{run}-{i:D4}.bin";
            var started = Stopwatch.GetTimestamp();
            await writer.UploadAsync(FileBytes, name, cancellationToken);
            var stored = Stopwatch.GetTimestamp();
            uploads.Add(Stopwatch.GetElapsedTime(started, stored).TotalMilliseconds);
            polls.Add(WaitListedAsync(reader.Http, name, stored, cancellationToken));
        }

        var catchUps = new Latencies();
        var results = await Task.WhenAll(polls);
        foreach (var ms in results.OfType<double>())
        {
            catchUps.Add(ms);
        }

        var journal = await context.Direct.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = ReservedPrefix.Journal }, cancellationToken);
        var table = context.Table;
        var workload = $"Replicas (2 API processes on one bucket; {count} uploads of 4 KiB to A, {1 / UploadInterval.TotalSeconds:0}/s)";
        table.AddInfo(workload, "catch-up: A answered the upload → B lists it (GET /files/page?name=…), p50 / p99 (README: within about 2 s)",
            $"{Ms(catchUps.Percentile(50))} / {Ms(catchUps.Percentile(99))} ms");
        table.AddInfo(workload, "catch-up, max", Ms(catchUps.Percentile(100)) + " ms");
        table.AddInfo(workload, "upload to A, p50 / p99", $"{Ms(uploads.Percentile(50))} / {Ms(uploads.Percentile(99))} ms");
        table.AddInfo(workload, "journal objects in the bucket afterwards (A's batches, incl. warm-up)", (journal.KeyCount ?? 0).ToString(CultureInfo.InvariantCulture));
        var missed = results.Count(r => r is null);
        if (missed > 0)
        {
            table.Add(new ResultRow(workload, $"uploads B did not list within {GiveUpAfter.TotalSeconds:0} s", missed.ToString(CultureInfo.InvariantCulture), "", "", "0", false));
        }
    }

    // Milliseconds from stored until B's listing has the name; null when it did not within GiveUpAfter.
    private static async Task<double?> WaitListedAsync(HttpClient http, string name, long stored, CancellationToken cancellationToken)
    {
        var query = new Uri($"files/page?limit=1&name={Uri.EscapeDataString(name)}", UriKind.Relative);
        while (Stopwatch.GetElapsedTime(stored) < GiveUpAfter)
        {
            var page = await http.GetFromJsonAsync<IndexPaging.PageResponse>(query, cancellationToken);
            if (page?.Files is { Count: > 0 })
            {
                return Stopwatch.GetElapsedTime(stored).TotalMilliseconds;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return null;
    }

    private static string Ms(double value) => ResultTable.Format(value, "0");
}
