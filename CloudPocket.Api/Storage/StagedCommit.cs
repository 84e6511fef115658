using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace CloudPocket.Api.Storage;

// How a file that was uploaded in parts becomes a file: the multipart upload is completed at its staging key under the
// reserved prefix, then copied once to its key with the file's metadata (the copy is the commit), and the staged object
// is deleted; a file that fits in one request is put at its key at once. Uploads through POST /upload/ and through tus
// both end here. Completion and copy go through the transfers client, whose timeout allows for their size.
internal static class StagedCommit
{
    // Both return S3's ETag of the stored object, quoted (null if S3 gave none).
    public static async Task<string?> CompleteAndCopyAsync(
        IAmazonS3 s3, IAmazonS3 transfers, string bucket, string stagingKey, string uploadId, IEnumerable<PartETag> parts,
        FileRecord file, CancellationToken cancellationToken)
    {
        await CompleteAsync(s3, transfers, bucket, stagingKey, uploadId, parts, file.Size, cancellationToken);
        var copy = new CopyObjectRequest
        {
            SourceBucket = bucket,
            SourceKey = stagingKey,
            DestinationBucket = bucket,
            DestinationKey = file.S3Key,
            MetadataDirective = S3MetadataDirective.REPLACE,
        };
        StoredObject.Describe(file, copy.Headers, copy.Metadata);
        var eTag = ETag.Quoted((await transfers.CopyObjectAsync(copy, cancellationToken)).ETag);
        await DeleteQuietlyAsync(s3, bucket, stagingKey);
        return eTag;
    }

    // A file small enough for one request is stored at its key directly, with its metadata.
    public static async Task<string?> PutAsync(IAmazonS3 s3, string bucket, FileRecord file, byte[] bytes, int length, CancellationToken cancellationToken)
    {
        var put = new PutObjectRequest
        {
            BucketName = bucket,
            Key = file.S3Key,
            InputStream = new MemoryStream(bytes, 0, length, writable: false),
        };
        StoredObject.Describe(file, put.Headers, put.Metadata);
        return ETag.Quoted((await s3.PutObjectAsync(put, cancellationToken)).ETag);
    }

    // Best effort and never cancelled: it runs after the work is done or failed; the sweep removes what is left.
    public static async Task DeleteQuietlyAsync(IAmazonS3 s3, string bucket, string objectKey)
    {
        try
        {
            await s3.DeleteObjectAsync(bucket, objectKey, CancellationToken.None);
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
        }
    }

    public static bool IsStorageFailure(Exception e) =>
        e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException or OperationCanceledException;

    private static async Task CompleteAsync(
        IAmazonS3 s3, IAmazonS3 transfers, string bucket, string stagingKey, string uploadId, IEnumerable<PartETag> parts, long size,
        CancellationToken cancellationToken)
    {
        try
        {
            await transfers.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket,
                Key = stagingKey,
                UploadId = uploadId,
                PartETags = [.. parts],
            }, cancellationToken);
        }
        // An attempt that timed out may still have completed on S3's side; the SDK's retry then finds no such upload.
        // The staged object itself says whether it did: the staging key is this upload's alone.
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchUpload")
        {
            if (!await IsStagedAsync(s3, bucket, stagingKey, size, cancellationToken))
            {
                throw;
            }
        }
    }

    private static async Task<bool> IsStagedAsync(IAmazonS3 s3, string bucket, string stagingKey, long size, CancellationToken cancellationToken)
    {
        try
        {
            return (await s3.GetObjectMetadataAsync(bucket, stagingKey, cancellationToken)).ContentLength == size;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
