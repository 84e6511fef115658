using System.Buffers;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace CloudPocket.Api.Storage;

// Streams one file into S3 through a bounded set of part buffers, hashing as it goes, so memory stays flat
// whatever the size. A file that fits in one part is a single PutObject at its key. A larger one is a multipart
// upload to a staging key under the reserved prefix (its SHA-256, part of the object's metadata, is only known at
// the end), committed by StagedCommit: one server-side copy to its key with the metadata, so the file appears
// whole and self-describing or not at all. Nothing exists at the key until CommitAsync; AbortAsync leaves nothing.
// Part uploads, the completion and the copy go through the transfers client, whose timeout allows for their size.
internal sealed class S3Upload(IAmazonS3 s3, IAmazonS3 transfers, S3Options options, string key, string contentType) : IStagedUpload, IAsyncDisposable
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
    private readonly string _stagingKey = ReservedPrefix.Uploads + key;
    private string? _uploadId;
    // Set before the calls that may create an object, so an abort removes it whatever their outcome.
    private bool _committing;
    private bool _staged;

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

    // Stores the file at its key, described by file (StoredObject); returns S3's ETag of the object (quoted; null if S3 gave none).
    public async Task<string?> CommitAsync(FileRecord file, CancellationToken cancellationToken)
    {
        if (IsSinglePut)
        {
            _committing = true;
            return await StagedCommit.PutAsync(s3, options.BucketName!, file, _buffer, _filled, cancellationToken);
        }

        if (_filled > 0)
        {
            await SendPartAsync(cancellationToken);
        }

        var parts = await Task.WhenAll(_parts);
        _staged = true;
        _committing = true;
        return await StagedCommit.CompleteAndCopyAsync(s3, transfers, options.BucketName!, _stagingKey, _uploadId!, parts, file, cancellationToken);
    }

    // Best effort and never cancelled: it runs after the request failed or the client went away. If S3 itself is the
    // failure the abort fails too; the request's own error is what the client must see, and the sweep
    // (AbandonedUploadSweeper) removes what is left.
    public async Task AbortAsync()
    {
        await PartsSettledAsync();
        if (_committing)
        {
            await StagedCommit.DeleteQuietlyAsync(s3, options.BucketName!, key);
        }

        if (_staged)
        {
            await StagedCommit.DeleteQuietlyAsync(s3, options.BucketName!, _stagingKey);
        }

        if (_uploadId is not null)
        {
            try
            {
                await s3.AbortMultipartUploadAsync(options.BucketName, _stagingKey, _uploadId, CancellationToken.None);
            }
            catch (Exception e) when (StagedCommit.IsStorageFailure(e))
            {
            }
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
            Key = _stagingKey,
            ContentType = contentType,
            ChecksumAlgorithm = options.PartChecksumAlgorithm,
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
                Key = _stagingKey,
                UploadId = _uploadId,
                PartNumber = partNumber,
                PartSize = length,
                ChecksumAlgorithm = options.PartChecksumAlgorithm,
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
