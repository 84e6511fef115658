using System.Buffers;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace CloudPocket.Api.Storage;

// Streams one file into S3 through a bounded set of part buffers, hashing as it goes, so memory stays flat
// whatever the size. A file that fits in one part is sent as a single PutObject; a larger one as a multipart
// upload with a few parts in flight. Nothing exists until PutAsync or CompleteAsync; AbortAsync leaves no object behind.
// Part uploads and the completion go through the transfers client, whose timeout allows for their size.
internal sealed class S3Upload(IAmazonS3 s3, IAmazonS3 transfers, S3Options options, string key, string contentType) : IAsyncDisposable
{
    // Most files are small: they never need a whole part buffer, and renting one for each of them cost more
    // (memory and zeroing) than their upload. The first buffer grows into a part buffer once a file outgrows it.
    private const int FirstBufferBytes = 64 * 1024;

    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentPartUploads);
    private readonly List<Task<PartETag>> _parts = [];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(FirstBufferBytes);
    private bool _isPartBuffer;
    private int _filled;
    private string? _uploadId;
    // Set before the call that may create the object, so an abort removes it whatever that call's outcome.
    private string? _committingKey;

    public string Key => key;

    public long Size { get; private set; }

    public string ContentType => contentType;

    private int Capacity => _isPartBuffer ? options.PartSizeBytes : _buffer.Length;

    // The free space of the current buffer; the caller reads into it, then calls AdvanceAsync.
    public Memory<byte> GetMemory() => _buffer.AsMemory(_filled, Capacity - _filled);

    public async ValueTask AdvanceAsync(int count, CancellationToken cancellationToken)
    {
        _sha256.AppendData(_buffer, _filled, count);
        _filled += count;
        Size += count;
        if (_filled < Capacity)
        {
            return;
        }

        if (_isPartBuffer)
        {
            await SendPartAsync(cancellationToken);
        }
        else
        {
            GrowIntoPartBuffer();
        }
    }

    // Whether the whole file fits in one PutObject; known once the body has been read.
    public bool IsSinglePut => _uploadId is null;

    // The hex SHA-256 of every byte written; once the body has been read.
    public string ComputeSha256() => Convert.ToHexStringLower(_sha256.GetHashAndReset());

    // Stores a file that fits in one part under objectKey; returns S3's ETag.
    public async Task<string> PutAsync(string objectKey, CancellationToken cancellationToken)
    {
        _committingKey = objectKey;
        return (await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.BucketName,
            Key = objectKey,
            ContentType = contentType,
            InputStream = new MemoryStream(_buffer, 0, _filled, writable: false),
        }, cancellationToken)).ETag;
    }

    // Sends the last part and completes the multipart upload under the upload's key; returns S3's ETag.
    public async Task<string> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_filled > 0)
        {
            await SendPartAsync(cancellationToken);
        }

        var parts = await Task.WhenAll(_parts);
        _committingKey = key;
        return await CompleteMultipartAsync(parts, cancellationToken);
    }

    // Best effort and never cancelled: it runs after the request failed or the client went away. If S3 itself is the
    // failure the abort fails too; the request's own error is what the client must see, and the sweep
    // (AbandonedUploadSweeper) removes what is left.
    public async Task AbortAsync()
    {
        await PartsSettledAsync();
        try
        {
            if (_committingKey is not null)
            {
                await s3.DeleteObjectAsync(options.BucketName, _committingKey, CancellationToken.None);
            }

            if (_uploadId is not null)
            {
                await s3.AbortMultipartUploadAsync(options.BucketName, key, _uploadId, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or OperationCanceledException)
        {
        }
    }

    private void GrowIntoPartBuffer()
    {
        var partBuffer = PartBufferPool.Instance.Rent(options.PartSizeBytes);
        _buffer.AsSpan(0, _filled).CopyTo(partBuffer);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = partBuffer;
        _isPartBuffer = true;
    }

    private async Task<string> CompleteMultipartAsync(PartETag[] parts, CancellationToken cancellationToken)
    {
        try
        {
            return (await transfers.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = options.BucketName,
                Key = key,
                UploadId = _uploadId,
                PartETags = [.. parts],
            }, cancellationToken)).ETag;
        }
        // An attempt that timed out may still have completed on S3's side; the SDK's retry then finds no such upload.
        // The object itself says whether it did: the key is this upload's alone.
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchUpload")
        {
            if (await FindCompletedETagAsync(cancellationToken) is { } eTag)
            {
                return eTag;
            }

            throw;
        }
    }

    private async Task<string?> FindCompletedETagAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stored = await s3.GetObjectMetadataAsync(options.BucketName, key, cancellationToken);
            return stored.ContentLength == Size ? stored.ETag : null;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task SendPartAsync(CancellationToken cancellationToken)
    {
        // A part that already failed means S3 is in trouble: stop reading the client's body and say so now.
        if (_parts.Find(p => p.IsFaulted) is { } failed)
        {
            await failed;
        }

        _uploadId ??= (await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = options.BucketName,
            Key = key,
            ContentType = contentType,
            ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        }, cancellationToken)).UploadId;

        await _slots.WaitAsync(cancellationToken);
        _parts.Add(UploadPartAsync(_buffer, _filled, _parts.Count + 1, cancellationToken));
        _buffer = PartBufferPool.Instance.Rent(options.PartSizeBytes);
        _filled = 0;
    }

    private async Task<PartETag> UploadPartAsync(byte[] buffer, int length, int partNumber, CancellationToken cancellationToken)
    {
        try
        {
            var response = await transfers.UploadPartAsync(new UploadPartRequest
            {
                BucketName = options.BucketName,
                Key = key,
                UploadId = _uploadId,
                PartNumber = partNumber,
                PartSize = length,
                ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
                InputStream = new MemoryStream(buffer, 0, length, writable: false),
            }, cancellationToken);
            return new PartETag(response);
        }
        finally
        {
            PartBufferPool.Instance.Return(buffer);
            _slots.Release();
        }
    }

    private Task PartsSettledAsync() =>
        Task.WhenAll(_parts.Select(p => p.ContinueWith(static _ => { }, TaskScheduler.Default)));

    public async ValueTask DisposeAsync()
    {
        await PartsSettledAsync();
        (_isPartBuffer ? PartBufferPool.Instance : ArrayPool<byte>.Shared).Return(_buffer);
        _sha256.Dispose();
        _slots.Dispose();
    }
}
