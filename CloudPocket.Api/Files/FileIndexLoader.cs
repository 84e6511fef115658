using CloudPocket.Api.Storage;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Files;

// Rebuilds the index from the bucket at start (IndexRebuild), then follows the journal so that what other replicas
// store and delete shows here within about a second, compares with the bucket listing, and now and then writes a
// snapshot so the next start is fast. While S3 is unreachable it keeps trying; the "index" health check stays
// unhealthy until the first rebuild is done.
public sealed partial class FileIndexLoader(
    IndexRebuild rebuild, JournalFollower follower, FileIndex index, IOptions<S3Options> options, TimeProvider clock,
    ILogger<FileIndexLoader> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rebuilt = await RebuildAsync(stoppingToken);
        await follower.FollowAsync(rebuilt, stoppingToken);
    }

    private async Task<IndexRebuild.Result> RebuildAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                var started = clock.GetTimestamp();
                var result = await rebuild.RunAsync(stoppingToken);
                index.Load(result.Files);
                var seconds = clock.GetElapsedTime(started).TotalSeconds;
                LogLoaded(result.Files.Count, options.Value.BucketName!, seconds, result.FromSnapshot, result.FromJournal, result.Headed);
                if (!result.Reconciled)
                {
                    LogComparingLater();
                }

                return result;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRetry(options.Value.BucketName!, RetryDelay.TotalSeconds, e.Message);
                await Task.Delay(RetryDelay, clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Index rebuilt: {Count} files from bucket {Bucket} in {Seconds:0.00} s ({FromSnapshot} from the snapshot, {FromJournal} journal changes, {Headed} objects read one by one)")]
    private partial void LogLoaded(int count, string bucket, double seconds, int fromSnapshot, int fromJournal, int headed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving from the snapshot and the journal; comparing with the bucket listing in the background")]
    private partial void LogComparingLater();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read bucket {Bucket} to rebuild the index; retrying in {Seconds} s: {Reason}")]
    private partial void LogRetry(string bucket, double seconds, string reason);
}
