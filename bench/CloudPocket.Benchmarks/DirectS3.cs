using System.Buffers;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace CloudPocket.Benchmarks;

// The baseline: the AWS SDK straight to the same S3 server, doing what the API does for the same file
// (the same part size, parts in flight and part checksums: CRC32, or none where checksums are only calculated when
// required), minus the API.
internal sealed class DirectS3(IAmazonS3 s3, string bucket, bool checksumsOnlyWhenRequired = false)
{
    private const int ReadBufferSize = 256 * 1024;

    public IAmazonS3 Client => s3;

    public string Bucket => bucket;

    private readonly ChecksumAlgorithm? _partChecksum = checksumsOnlyWhenRequired ? null : ChecksumAlgorithm.CRC32;

    // An SDK client as a plain application would make one: default timeouts, and the checksum settings the server
    // needs (as the API is given them). Its own HttpClient, as the API's clients have: through the SDK's shared cached
    // one, 4 KiB GETs from Ceph RGW took ~48 ms instead of ~2 ms (fauxqs: no difference).
    public static AmazonS3Client CreateClient(Uri endpoint, bool checksumsOnlyWhenRequired = false) => new(
        new BasicAWSCredentials("test", "test"),
        new AmazonS3Config
        {
            ServiceURL = endpoint.GetLeftPart(UriPartial.Authority),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            CacheHttpClient = false,
            RequestChecksumCalculation = checksumsOnlyWhenRequired ? RequestChecksumCalculation.WHEN_REQUIRED : RequestChecksumCalculation.WHEN_SUPPORTED,
            ResponseChecksumValidation = checksumsOnlyWhenRequired ? ResponseChecksumValidation.WHEN_REQUIRED : ResponseChecksumValidation.WHEN_SUPPORTED,
        });

    public async Task UploadAsync(string key, long size, int partSize, int partsInFlight, CancellationToken cancellationToken)
    {
        var uploadId = (await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = bucket,
            Key = key,
            ContentType = "application/octet-stream",
            ChecksumAlgorithm = _partChecksum,
        }, cancellationToken)).UploadId;

        using var slots = new SemaphoreSlim(partsInFlight);
        var parts = new List<Task<PartETag>>();
        for (long offset = 0; offset < size; offset += partSize)
        {
            // Like the API: fill the next part buffer, then wait for a free slot to send it.
            var length = (int)Math.Min(partSize, size - offset);
            var buffer = ArrayPool<byte>.Shared.Rent(partSize);
            Payload.Fill(buffer.AsSpan(0, length), offset);
            await slots.WaitAsync(cancellationToken);
            parts.Add(UploadPartAsync(key, uploadId, parts.Count + 1, buffer, length, slots, cancellationToken));
        }

        await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = key,
            UploadId = uploadId,
            PartETags = [.. await Task.WhenAll(parts)],
        }, cancellationToken);
    }

    public async Task<(long Bytes, string Sha256)> DownloadAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
        return await Drain.HashAsync(response.ResponseStream, ReadBufferSize, cancellationToken);
    }

    public Task PutAsync(string key, ReadOnlyMemory<byte> body, string contentType, CancellationToken cancellationToken) =>
        s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            ContentType = contentType,
            InputStream = new MemoryStream(body.ToArray(), writable: false),
        }, cancellationToken);

    public async Task<long> GetAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(bucket, key, cancellationToken);
        return await Drain.DiscardAsync(response.ResponseStream, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => s3.DeleteObjectAsync(bucket, key, cancellationToken);

    private async Task<PartETag> UploadPartAsync(
        string key, string uploadId, int partNumber, byte[] buffer, int length, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = uploadId,
                PartNumber = partNumber,
                PartSize = length,
                ChecksumAlgorithm = _partChecksum,
                InputStream = new MemoryStream(buffer, 0, length, writable: false),
            }, cancellationToken);
            return new PartETag(response);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            slots.Release();
        }
    }
}
