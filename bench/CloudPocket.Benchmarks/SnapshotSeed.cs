using Amazon.S3;
using Amazon.S3.Model;
using CloudPocket.Api.Storage;
using Microsoft.Extensions.Options;

namespace CloudPocket.Benchmarks;

// A snapshot of the seeded files, written by the API's own IndexSnapshot (format, compression, key, parts) from the
// records as the PUTs stored them, covering no journal (there is none).
internal static class SnapshotSeed
{
    public static async Task<long> WriteAsync(IAmazonS3 s3, string bucket, IReadOnlyCollection<FileRecord> files, CancellationToken cancellationToken)
    {
        await DeleteAllAsync(s3, bucket, cancellationToken);
        var snapshots = new IndexSnapshot(s3, s3, Options.Create(new S3Options { BucketName = bucket }));
        await snapshots.WriteAsync(files, journalThrough: null, DateTimeOffset.UtcNow, cancellationToken);
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = ReservedPrefix.Snapshots }, cancellationToken);
        return listed.S3Objects?.Sum(o => o.Size ?? 0) ?? 0;
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
