using Amazon.S3;
using Amazon.S3.Model;
using CloudPocket.Api.Storage;

namespace CloudPocket.Benchmarks;

// The start without a snapshot (lost, or a bucket from before snapshots): the listing, then a HEAD per file. Then
// the API writes its own snapshot, as it does after such a start, which shows whether it can at this size. Measured
// at the smallest size; at a larger one only when the estimate from it stays within the budget (--head-path-budget):
// at a million files it takes minutes, and the run should stay within about half an hour.
internal sealed class HeadPathBenchmark(BenchContext context, string bucket)
{
    private const string Metric = "… snapshot deleted: API start → /health 200 (the listing, then a HEAD per file)";
    private static readonly TimeSpan OwnSnapshotTimeout = TimeSpan.FromMinutes(2);
    private readonly IAmazonS3 s3 = context.Direct.Client;
    private readonly ResultTable table = context.Table;
    private double? _headSecondsPerFile;

    public async Task MeasureAsync(string workload, int files, TimeSpan listing, CancellationToken cancellationToken)
    {
        var budget = context.Settings.HeadPathBudget;
        if (_headSecondsPerFile is { } perFile && listing + TimeSpan.FromSeconds(perFile * files) is var estimate && estimate > budget)
        {
            table.AddInfo(workload, Metric, $"not measured: about {estimate.TotalMinutes:0.0} min estimated (the SDK's listing {RebuildBenchmark.Seconds(listing)} + " +
                $"{files:N0} HEADs at the smaller size's {1 / perFile:0}/s), over the {budget.TotalMinutes:0.#}-minute budget (--head-path-budget)");
            return;
        }

        var deleted = await SnapshotSeed.DeleteAllAsync(s3, bucket, cancellationToken);
        // HEADs at 500/s or more, or it counts as hung.
        var timeout = context.Settings.RebuildTimeout + (3 * listing) + TimeSpan.FromSeconds(files / 500.0);
        Progress.Say($"index: API start on {files:N0} files, {deleted} snapshot(s) deleted (a HEAD per file; waiting up to {timeout.TotalSeconds:0} s)");
        var start = await RebuildStart.RunAsync(context, bucket, timeout, cancellationToken);
        await using (start.Api)
        {
            if (!start.Healthy)
            {
                table.AddInfo(workload, Metric, $"not healthy after {timeout.TotalSeconds:0} s");
                start.AddDetails(table, workload);
                return;
            }

            table.AddInfo(workload, Metric, RebuildBenchmark.Seconds(start.Api.TimeToHealthy));
            start.AddDetails(table, workload);
            _headSecondsPerFile = Math.Max(0, start.Seconds - listing.TotalSeconds) / files;
            await OwnSnapshotAsync(workload, start.Api, cancellationToken);
        }
    }

    // The follower snapshots right after a start that read objects one by one; a failure is logged as a poll failure.
    private async Task OwnSnapshotAsync(string workload, ApiProcess api, CancellationToken cancellationToken)
    {
        var (line, waited) = await Timed.RunAsync(() => api.WaitForOutputAsync(["Index snapshot written", "Could not read the change journal"], OwnSnapshotTimeout, cancellationToken));
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = ReservedPrefix.Snapshots }, cancellationToken);
        var size = listed.S3Objects?.Sum(o => o.Size ?? 0) ?? 0;
        table.AddInfo(workload, "… then the API's own snapshot write (JournalFollower)", line switch
        {
            null => $"nothing logged within {OwnSnapshotTimeout.TotalSeconds:0} s",
            _ when size > 0 => $"written, {ResultTable.Format(size / (double)BenchSettings.MiB, "0.0")} MiB, logged {RebuildBenchmark.Seconds(waited)} after /health 200",
            _ => "failed: " + line.Trim(),
        });
    }
}
