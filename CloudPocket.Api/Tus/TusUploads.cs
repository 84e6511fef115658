using CloudPocket.Api.Files;
using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Storage;
using CloudPocket.Api.Telemetry;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Tus;

// Resumable uploads: created with their length and metadata, appended to by PATCHes on any replica, committed by the
// last one as a file exactly like POST /upload/ makes it (S3FileStore: one object at its key, the journal, the index).
public sealed partial class TusUploads(
    ResumableUploadStore store, S3FileStore files, FileIndex index, TimeProvider clock, IOptions<TusOptions> tus,
    IOptions<UploadOptions> uploads, IOptions<S3Options> s3, FileTransferMetrics metrics, ILogger<TusUploads> logger)
{
    public async Task<ResumableUpload> CreateAsync(long length, string? metadataHeader, CancellationToken cancellationToken)
    {
        if (length > uploads.Value.MaxFileSizeBytes)
        {
            throw Problems.FileTooLarge(uploads.Value.MaxFileSizeBytes);
        }

        var metadata = TusMetadata.Parse(metadataHeader);
        var now = clock.GetUtcNow();
        var upload = new ResumableUpload(
            StorageKey.New(), StorageKey.New(), length, 0, metadata.Filename, metadata.ContentType, metadataHeader, now,
            now + tus.Value.UploadLifetime, s3.Value.PartSizeBytes, null, [], null, new ResumableSha256().Save());
        await store.WriteAsync(upload, null, cancellationToken);
        return upload;
    }

    /// <summary>The upload as HEAD describes it: 404 if there is none, 410 once expired.</summary>
    public async Task<ResumableUpload> FindAsync(string id, CancellationToken cancellationToken)
    {
        var (upload, _) = await ReadLiveAsync(id, cancellationToken);
        return upload;
    }

    /// <summary>Appends the body at <paramref name="offset"/>; commits the file when the upload is complete.</summary>
    public async Task<ResumableUpload> AppendAsync(
        string id, long offset, Stream body, long? bodyLength, TusChecksum? checksum, CancellationToken cancellationToken)
    {
        var (upload, eTag) = await ReadLiveAsync(id, cancellationToken);
        if (offset != upload.Offset)
        {
            throw Problems.UploadOffsetMismatch(upload.Offset);
        }

        if (offset + bodyLength > upload.Length)
        {
            throw Problems.UploadBeyondLength(upload.Length);
        }

        if (upload.IsCompleted || upload.IsLocked(clock.GetUtcNow()))
        {
            return upload.IsCompleted && await body.ReadAsync(new byte[1], cancellationToken) == 0
                ? upload
                : throw (upload.IsCompleted ? Problems.UploadBeyondLength(upload.Length) : Problems.UploadLocked());
        }

        var started = clock.GetTimestamp();
        var held = await TusLock.TakeAsync(store, clock, tus.Value.LockLease, upload, eTag, cancellationToken);
        try
        {
            // Once the lock is held, S3 work is not cancelled with the request (each call has the SDK's timeouts): a body
            // that broke off is kept as far as it came, unless a checksum was to vouch for it, and the client resumes
            // from the offset HEAD then tells.
            var storage = CancellationToken.None;
            await using var append = new TusAppend(store, held, s3.Value.MaxConcurrentPartUploads);
            await append.LoadTailAsync(storage);
            var clientGone = await TusBody.CopyAsync(body, append, upload, checksum, cancellationToken, storage);
            if (checksum is not null && (clientGone || !checksum.Matches()))
            {
                await append.PartsAsync();
                throw Problems.ChecksumMismatch();
            }

            var parts = held.Upload.Parts.Concat(await append.PartsAsync()).ToList();
            var next = held.Upload with { Offset = upload.Offset + append.Received, Parts = parts, Sha256 = append.Sha256.Save() };
            var result = next.Offset == next.Length
                ? await CompleteAsync(held, next, append, started, storage)
                : await SaveAsync(held, next, append, storage);
            if (upload.TailKey is { } oldTail && oldTail != result.TailKey)
            {
                await store.DeleteQuietlyAsync(oldTail);
            }

            return result;
        }
        catch
        {
            if (held.Upload.Lock is not null)
            {
                await held.AbandonAsync();
            }

            throw;
        }
    }

    public async Task TerminateAsync(string id, CancellationToken cancellationToken)
    {
        var (upload, eTag) = await ReadLiveAsync(id, cancellationToken);
        if (upload.IsLocked(clock.GetUtcNow()))
        {
            throw Problems.UploadLocked();
        }

        // Taking the lock first means no PATCH is writing while the upload is removed.
        await TusLock.TakeAsync(store, clock, tus.Value.LockLease, upload, eTag, cancellationToken);
        await store.RemoveAsync(id, upload.IsCompleted ? null : upload.UploadId);
        LogTerminated(id);
    }

    private async Task<ResumableUpload> SaveAsync(TusLock held, ResumableUpload next, TusAppend append, CancellationToken cancellationToken)
    {
        var tail = append.Filled > 0 ? await store.WriteTailAsync(next.Id, held.Token, append.Buffer, append.Filled, cancellationToken) : null;
        try
        {
            await held.ReleaseAsync(next with { TailKey = tail, ExpiresAt = clock.GetUtcNow() + tus.Value.UploadLifetime }, cancellationToken);
        }
        catch when (tail is not null)
        {
            await store.DeleteQuietlyAsync(tail);
            throw;
        }

        return held.Upload;
    }

    private async Task<ResumableUpload> CompleteAsync(TusLock held, ResumableUpload next, TusAppend append, long started, CancellationToken cancellationToken)
    {
        // The lease is renewed right before the commit, so no other request can take the upload while it is committed;
        // the state keeps the old offset until the file exists, so a failed commit leaves an upload to resume.
        await held.UpdateAsync(held.Upload, cancellationToken);
        var sha256 = Convert.ToHexStringLower(append.Sha256.Finish());
        var file = await files.CommitAsync(
            store.Commit(held.Upload, next.Parts, append.Buffer, append.Filled),
            new FileRecord(next.S3Key, next.Filename, next.Length, next.ContentType, sha256, clock.GetUtcNow()), cancellationToken);
        index.Add(file);
        metrics.Uploaded(file.Size, clock.GetElapsedTime(started));
        LogStored(file.Filename, file.S3Key, file.Size, next.Id);
        // The file exists now; the state must say so, or a retry of this PATCH would find no multipart upload to add to.
        var now = clock.GetUtcNow();
        var completed = next with { TailKey = null, CompletedAt = now, ExpiresAt = now + tus.Value.UploadLifetime };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await held.ReleaseAsync(completed, cancellationToken);
                return held.Upload;
            }
            catch (Exception e) when (attempt < 3 && StagedCommit.IsStorageFailure(e))
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), clock, cancellationToken);
            }
        }
    }

    private async Task<(ResumableUpload Upload, string ETag)> ReadLiveAsync(string id, CancellationToken cancellationToken)
    {
        if (!StorageKey.IsValid(id) || await store.ReadAsync(id, cancellationToken) is not { } read)
        {
            throw Problems.UploadNotFound();
        }

        return read.Upload.IsExpired(clock.GetUtcNow()) ? throw Problems.UploadExpired() : read;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Filename} as {S3Key} ({Size} bytes) from resumable upload {UploadId}")]
    private partial void LogStored(string filename, string s3Key, long size, string uploadId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Terminated resumable upload {UploadId}")]
    private partial void LogTerminated(string uploadId);
}
