using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using CloudPocket.Api.Storage;
using Microsoft.Extensions.Options;

namespace CloudPocket.Benchmarks;

// A snapshot of the seeded files, made by the API's own IndexSnapshot (SnapshotCapture) from the records as the
// PUTs stored them, covering no journal (there is none). Stored as the API stores it, one PutObject; fauxqs refuses
// bodies over 11 MiB (it closes the connection mid-body: a broken pipe, or a 413), and then it is stored by a
// multipart upload instead, which the outcome says: the API itself could not have stored it there.
internal static class SnapshotSeed
{
    private const int PartSize = 8 * 1024 * 1024;

    public sealed record Outcome(long Bytes, bool SinglePut, string? Refusal);

    public static async Task<Outcome> WriteAsync(IAmazonS3 s3, string bucket, IReadOnlyCollection<FileRecord> files, CancellationToken cancellationToken)
    {
        await DeleteAllAsync(s3, bucket, cancellationToken);
        var (client, capture) = SnapshotCapture.Create();
        var snapshots = new IndexSnapshot(client, client, Options.Create(new S3Options { BucketName = bucket }));
        await snapshots.WriteAsync(files, journalThrough: null, DateTimeOffset.UtcNow, cancellationToken);
        var (key, body) = (capture.Key!, capture.Body!);
        try
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(body), ContentType = capture.ContentType },
                cancellationToken);
            return new Outcome(body.Length, SinglePut: true, null);
        }
        catch (Exception e) when (e is IOException or HttpRequestException || e is AmazonS3Exception { StatusCode: HttpStatusCode.RequestEntityTooLarge })
        {
            using var transfer = new TransferUtility(s3, new TransferUtilityConfig { MinSizeBeforePartUpload = PartSize });
            await transfer.UploadAsync(new TransferUtilityUploadRequest
            {
                BucketName = bucket,
                Key = key,
                InputStream = new MemoryStream(body),
                PartSize = PartSize,
                ContentType = capture.ContentType,
            }, cancellationToken);
            return new Outcome(body.Length, SinglePut: false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    public static async Task<int> DeleteAllAsync(IAmazonS3 s3, string bucket, CancellationToken cancellationToken)
    {
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = ReservedPrefix.Snapshots }, cancellationToken);
        foreach (var snapshot in listed.S3Objects ?? [])
        {
            await s3.DeleteObjectAsync(bucket, snapshot.Key, cancellationToken);
        }

        return listed.S3Objects?.Count ?? 0;
    }
}
