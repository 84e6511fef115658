using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Storage;

// Uploads are aborted when they fail, but a killed process cannot abort its own. This sweep aborts multipart
// uploads of this service's keys that are older than S3:AbandonedUploadAge, where the backend lists them
// (AWS S3 and LocalStack do; fauxqs answers the listing with no uploads, so there it finds nothing), and deletes
// staged objects under .cloudpocket/uploads/ as old. Resumable uploads are removed, their multipart upload aborted,
// when their own record says they expired (ResumableUploadStore), which works on every backend.
public sealed partial class AbandonedUploadSweeper(
    IAmazonS3 s3, ResumableUploadStore resumable, IOptions<S3Options> options, TimeProvider clock, ILogger<AbandonedUploadSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.AbandonedUploadSweepInterval, clock);
        // The first sweep waits one interval, so it never competes with the index rebuild at start.
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(settings, stoppingToken);
            }
            // Whatever goes wrong, the sweep must never take the API down with it: it tries again next interval.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(e.Message);
            }
        }
    }

    public async Task<int> SweepAsync(S3Options settings, CancellationToken cancellationToken)
    {
        var aborted = 0;
        var request = new ListMultipartUploadsRequest { BucketName = settings.BucketName };
        do
        {
            var page = await s3.ListMultipartUploadsAsync(request, cancellationToken);
            foreach (var upload in Abandoned(page.MultipartUploads ?? [], clock.GetUtcNow(), settings.AbandonedUploadAge))
            {
                await s3.AbortMultipartUploadAsync(settings.BucketName, upload.Key, upload.UploadId, cancellationToken);
                aborted++;
            }

            // fauxqs answers this call with an object listing that says "truncated" with no markers, forever:
            // without markers that move on there is no next page.
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextKeyMarker)
                || (page.NextKeyMarker == request.KeyMarker && page.NextUploadIdMarker == request.UploadIdMarker))
            {
                break;
            }

            request.KeyMarker = page.NextKeyMarker;
            request.UploadIdMarker = page.NextUploadIdMarker;
        }
        while (true);

        // A process killed between completing a large upload and copying it to its key leaves the staged object.
        var staged = await s3.ListAllAsync(new ListObjectsV2Request { BucketName = settings.BucketName, Prefix = ReservedPrefix.Uploads }, cancellationToken)
            .Where(o => IsOurs(o.Key) && o.LastModified is { } modified && clock.GetUtcNow() - new DateTimeOffset(modified.ToUniversalTime()) > settings.AbandonedUploadAge)
            .Select(o => o.Key).ToListAsync(cancellationToken);
        foreach (var key in staged)
        {
            await s3.DeleteObjectAsync(settings.BucketName, key, cancellationToken);
            aborted++;
        }

        aborted += await resumable.SweepAsync(clock.GetUtcNow(), settings.AbandonedUploadAge, cancellationToken);
        if (aborted > 0)
        {
            LogAborted(aborted);
        }

        return aborted;
    }

    public static IEnumerable<MultipartUpload> Abandoned(IEnumerable<MultipartUpload> uploads, DateTimeOffset now, TimeSpan age) =>
        uploads.Where(u => IsOurs(u.Key) && u.Initiated is { } initiated && now - new DateTimeOffset(initiated.ToUniversalTime()) > age);

    // Large uploads are staged under the reserved prefix, at .cloudpocket/uploads/{key}; versions before that
    // uploaded straight to {key}.
    private static bool IsOurs(string key) =>
        StorageKey.IsValid(key)
        || (key.StartsWith(ReservedPrefix.Uploads, StringComparison.Ordinal) && StorageKey.IsValid(key[ReservedPrefix.Uploads.Length..]));

    [LoggerMessage(Level = LogLevel.Information, Message = "Aborted or deleted {Count} abandoned uploads")]
    private partial void LogAborted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep of abandoned multipart uploads failed; it runs again later: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
