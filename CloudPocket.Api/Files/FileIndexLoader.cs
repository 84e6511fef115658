using CloudPocket.Api.Storage;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Files;

// Rebuilds the index from the bucket's records at start, so a restart loses no listing. The time is logged: it
// grows with the number of files (one listing of the record keys), and the API is not ready until it is done.
// While S3 is unreachable it keeps trying; the "index" health check stays unhealthy until it succeeds.
public sealed partial class FileIndexLoader(
    S3FileStore store, FileIndex index, IOptions<S3Options> options, TimeProvider clock, ILogger<FileIndexLoader> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.Value.CreateBucketIfMissing)
                {
                    await store.EnsureBucketAsync(stoppingToken);
                }

                var started = clock.GetTimestamp();
                var records = await store.ReadRecordsAsync(stoppingToken);
                index.Load(records);
                var seconds = clock.GetElapsedTime(started).TotalSeconds;
                LogLoaded(records.Count, options.Value.BucketName!, seconds);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRetry(options.Value.BucketName!, RetryDelay.TotalSeconds, e.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index rebuilt: {Count} files from bucket {Bucket} in {Seconds:0.00} s")]
    private partial void LogLoaded(int count, string bucket, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read bucket {Bucket} to rebuild the index; retrying in {Seconds} s: {Reason}")]
    private partial void LogRetry(string bucket, double seconds, string reason);
}
