using System.Net;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Storage;

// Resumable uploads in the bucket. Every change of an upload's state is a conditional write of its state object
// (If-Match the ETag read, If-None-Match: * to create): of two requests that read the same state only one can write it,
// the other learns so (LostRace) and changes nothing. That is what makes the state safe to share between replicas
// without any other coordination: S3 checks the condition and writes in one step.
public sealed class ResumableUploadStore(
    IAmazonS3 s3, [FromKeyedServices(S3ClientFactory.Transfers)] IAmazonS3 transfers, IOptions<S3Options> options)
{
    private string Bucket => options.Value.BucketName!;

    public static string Folder(string id) => $"{ReservedPrefix.Tus}{id}/";

    public static string StateKey(string id) => Folder(id) + "state";

    public static string DataKey(string id) => Folder(id) + "data";

    /// <summary>The upload and the ETag of its state; null when there is no such upload.</summary>
    public async Task<(ResumableUpload Upload, string ETag)?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(Bucket, StateKey(id), cancellationToken);
            var upload = await JsonSerializer.DeserializeAsync<ResumableUpload>(response.ResponseStream, BookkeepingJson.Options, cancellationToken);
            return upload is null ? null : (upload, response.ETag);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Writes the state if it is still the one with <paramref name="eTag"/> (null: if there is none yet); returns the new ETag.</summary>
    /// <exception cref="LostRaceException">Another request changed the state first.</exception>
    public async Task<string> WriteAsync(ResumableUpload upload, string? eTag, CancellationToken cancellationToken)
    {
        var put = new PutObjectRequest
        {
            BucketName = Bucket,
            Key = StateKey(upload.Id),
            ContentType = "application/json",
            ContentBody = JsonSerializer.Serialize(upload, BookkeepingJson.Options),
        };
        if (eTag is null)
        {
            put.IfNoneMatch = "*";
        }
        else
        {
            put.IfMatch = eTag;
        }

        try
        {
            return (await s3.PutObjectAsync(put, cancellationToken)).ETag;
        }
        // 412: the condition failed; 409: S3 saw a concurrent conditional write; 404: the state was deleted meanwhile.
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            throw new LostRaceException();
        }
    }

    public async Task<string> StartPartsAsync(ResumableUpload upload, CancellationToken cancellationToken) =>
        (await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = DataKey(upload.Id),
            ContentType = upload.ContentType,
            ChecksumAlgorithm = options.Value.PartChecksumAlgorithm,
        }, cancellationToken)).UploadId;

    public async Task<ResumableUpload.Part> UploadPartAsync(
        ResumableUpload upload, int partNumber, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        var response = await transfers.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Bucket,
            Key = DataKey(upload.Id),
            UploadId = upload.UploadId,
            PartNumber = partNumber,
            PartSize = length,
            ChecksumAlgorithm = options.Value.PartChecksumAlgorithm,
            InputStream = new MemoryStream(buffer, 0, length, writable: false),
        }, cancellationToken);
        return new ResumableUpload.Part(partNumber, response.ETag, length);
    }

    /// <summary>Reads the tail (the bytes after the last part) into <paramref name="buffer"/>; returns how many.</summary>
    public async Task<int> ReadTailAsync(string tailKey, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(Bucket, tailKey, cancellationToken);
        var filled = 0;
        while (filled < buffer.Length && await response.ResponseStream.ReadAsync(buffer[filled..], cancellationToken) is > 0 and var read)
        {
            filled += read;
        }

        return filled;
    }

    // Each request writes its tail under a key of its own, so a request that loses the race never overwrites the winner's.
    public async Task<string> WriteTailAsync(string id, string token, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        var key = $"{Folder(id)}tail-{token}";
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            InputStream = new MemoryStream(buffer, 0, length, writable: false),
        }, cancellationToken);
        return key;
    }

    public Task DeleteQuietlyAsync(string key) => StagedCommit.DeleteQuietlyAsync(s3, Bucket, key);

    /// <summary>Commits the upload's bytes as the file, exactly as a POST /upload/ would; returns S3's ETag of it.</summary>
    internal IStagedUpload Commit(ResumableUpload upload, IEnumerable<ResumableUpload.Part> parts, byte[] tail, int tailLength) =>
        new Staged(this, upload, [.. parts], tail, tailLength);

    /// <summary>Aborts the multipart upload and deletes every object of the upload, its state last. Best effort.</summary>
    public async Task RemoveAsync(string id, string? uploadId)
    {
        if (uploadId is not null)
        {
            try
            {
                await s3.AbortMultipartUploadAsync(Bucket, DataKey(id), uploadId, CancellationToken.None);
            }
            catch (Exception e) when (StagedCommit.IsStorageFailure(e))
            {
            }
        }

        var keys = await s3.ListAllAsync(new ListObjectsV2Request { BucketName = Bucket, Prefix = Folder(id) }, CancellationToken.None)
            .Select(o => o.Key).ToListAsync(CancellationToken.None);
        foreach (var key in keys.Where(k => k != StateKey(id)).Append(StateKey(id)))
        {
            await DeleteQuietlyAsync(key);
        }
    }

    /// <summary>
    /// Removes uploads whose record has expired (aborting their multipart upload) and the leftovers of uploads whose
    /// state is gone, once nothing of them was written for <paramref name="orphanAge"/>. Returns how many.
    /// </summary>
    public async Task<int> SweepAsync(DateTimeOffset now, TimeSpan orphanAge, CancellationToken cancellationToken)
    {
        var objects = await s3.ListAllAsync(new ListObjectsV2Request { BucketName = Bucket, Prefix = ReservedPrefix.Tus }, cancellationToken)
            .ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var folder in objects.Where(o => o.Key.IndexOf('/', ReservedPrefix.Tus.Length) > 0)
            .GroupBy(o => o.Key[ReservedPrefix.Tus.Length..o.Key.IndexOf('/', ReservedPrefix.Tus.Length)]))
        {
            var read = await ReadAsync(folder.Key, cancellationToken);
            var lastWritten = folder.Max(o => new DateTimeOffset((o.LastModified ?? DateTime.UnixEpoch).ToUniversalTime()));
            if (read is { Upload: var upload } ? upload.IsExpired(now) && !upload.IsLocked(now) : now - lastWritten > orphanAge)
            {
                await RemoveAsync(folder.Key, read is { Upload: { IsCompleted: false } open } ? open.UploadId : null);
                removed++;
            }
        }

        return removed;
    }

    private async Task<string?> CommitAsync(
        ResumableUpload upload, List<ResumableUpload.Part> parts, byte[] tail, int tailLength, FileRecord file, CancellationToken cancellationToken)
    {
        if (parts.Count == 0)
        {
            return await StagedCommit.PutAsync(s3, Bucket, file, tail, tailLength, cancellationToken);
        }

        if (tailLength > 0)
        {
            parts.Add(await UploadPartAsync(upload, parts[^1].Number + 1, tail, tailLength, cancellationToken));
        }

        return await StagedCommit.CompleteAndCopyAsync(
            s3, transfers, Bucket, DataKey(upload.Id), upload.UploadId!, parts.Select(p => new PartETag(p.Number, p.ETag)), file, cancellationToken);
    }

    private sealed class Staged(ResumableUploadStore store, ResumableUpload upload, List<ResumableUpload.Part> parts, byte[] tail, int tailLength)
        : IStagedUpload
    {
        public Task<string?> CommitAsync(FileRecord file, CancellationToken cancellationToken) =>
            store.CommitAsync(upload, parts, tail, tailLength, file, cancellationToken);
    }
}
