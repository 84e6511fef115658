using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Storage;

// The bucket is the truth: each file is exactly one self-describing object at its S3 key (StoredObject), and its
// existence is the commit. Every change is also told to the journal (ChangeJournal), which only makes the next start
// and the other replicas faster.
public sealed class S3FileStore(
    IAmazonS3 s3, [FromKeyedServices(S3ClientFactory.Transfers)] IAmazonS3 transfers, ChangeJournal journal, IOptions<S3Options> options)
{
    // One listing per first character of the key, a few at once: fauxqs sorts everything under the prefix for
    // every page, so 32 small prefixes cost a thirty-second of one big one each; real S3 lists prefixes in parallel.
    private const int ListConcurrency = 4;

    private string Bucket => options.Value.BucketName!;

    internal S3Upload BeginUpload(string contentType) => new(s3, transfers, options.Value, StorageKey.New(), contentType);

    // Returns the file with S3's ETag.
    internal async Task<FileRecord> CommitAsync(IStagedUpload upload, FileRecord file, CancellationToken cancellationToken)
    {
        var stored = file with { ETag = await upload.CommitAsync(file, cancellationToken) };
        journal.Record(JournalEntry.Stored(stored));
        return stored;
    }

    // Null when the object is gone from the bucket although the index still had it.
    public async Task<GetObjectResponse?> OpenReadAsync(string key, (long From, long To)? range, CancellationToken cancellationToken)
    {
        try
        {
            return await s3.GetObjectAsync(new GetObjectRequest
            {
                BucketName = Bucket,
                Key = key,
                ByteRange = range is { } r ? new Amazon.S3.Model.ByteRange(r.From, r.To) : null,
            }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// A GET of the object signed for <paramref name="lifetime"/>, answered by S3 as an attachment under the file's
    /// name (the signature covers that override, so nobody can change it).
    /// </summary>
    public Task<string> PresignDownloadAsync(FileRecord file, TimeSpan lifetime, DateTimeOffset now)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = file.S3Key,
            Verb = HttpVerb.GET,
            Expires = now.Add(lifetime).UtcDateTime,
            Protocol = options.Value.ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        };
        request.ResponseHeaderOverrides.ContentDisposition = ContentDisposition.Attachment(file.Filename);
        request.ResponseHeaderOverrides.ContentType = file.ContentType;
        return s3.GetPreSignedURLAsync(request);
    }

    /// <summary>The file at <paramref name="key"/> as its object describes it; null when there is none of ours.</summary>
    public async Task<FileRecord?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return StoredObject.Read(key, await s3.GetObjectMetadataAsync(Bucket, key, cancellationToken));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        try
        {
            await s3.PutBucketAsync(Bucket, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await s3.DeleteObjectAsync(Bucket, key, cancellationToken);
        journal.Record(JournalEntry.Deleted(key));
    }

    // HeadBucket, not a listing: fauxqs sorts the whole bucket for every listing, so a health poll would cost O(files).
    public Task PingAsync(CancellationToken cancellationToken) =>
        s3.HeadBucketAsync(new HeadBucketRequest { BucketName = Bucket }, cancellationToken);

    /// <summary>Every key in the bucket that starts with a storage key character: files, and the older layout's records.</summary>
    // Through the transfers client: on a bucket of millions, one page can take longer than the short request timeout,
    // and a page that times out would start the whole listing over.
    public async Task<IReadOnlyList<string>> ListKeysAsync(CancellationToken cancellationToken)
    {
        var prefixes = StorageKey.Alphabet;
        var listed = new List<string>[prefixes.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, prefixes.Length),
            new ParallelOptions { MaxDegreeOfParallelism = ListConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => listed[i] = await transfers.ListAllAsync(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefixes[i].ToString() }, ct)
                .Select(o => o.Key).ToListAsync(ct));
        return [.. listed.SelectMany(l => l)];
    }
}
