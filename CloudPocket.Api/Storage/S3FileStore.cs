using System.Net;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using CloudPocket.Api.Files;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Storage;

// The bucket holds two kinds of objects: the file's bytes under its key, and a small JSON record under
// records/{key}.json written after the bytes are stored. The record is the commit: a file is listed only
// when its record exists, so a crash between the two leaves nothing half-listed, and the index can be
// rebuilt from the records alone.
public sealed class S3FileStore(IAmazonS3 s3, IOptions<S3Options> options)
{
    private const string RecordPrefix = "records/";
    private const int RecordReadConcurrency = 16;
    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private string Bucket => options.Value.BucketName!;

    internal S3Upload BeginUpload(string contentType) => new(s3, options.Value, StorageKey.New(), contentType);

    public async Task SaveRecordAsync(FileRecord file, CancellationToken cancellationToken)
    {
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = RecordKey(file.S3Key),
            ContentType = "application/json",
            InputStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(file, RecordJson), writable: false),
        }, cancellationToken);
    }

    // Null when the object is gone from the bucket although the index still had it.
    public async Task<GetObjectResponse?> OpenReadAsync(string key, Files.ByteRange? range, CancellationToken cancellationToken)
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

    // The record goes first: once it is gone the file is no longer listed, whatever happens to the bytes.
    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await s3.DeleteObjectAsync(Bucket, RecordKey(key), cancellationToken);
        await s3.DeleteObjectAsync(Bucket, key, cancellationToken);
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, MaxKeys = 1 }, cancellationToken);

    public async Task<IReadOnlyList<FileRecord>> ReadRecordsAsync(CancellationToken cancellationToken)
    {
        var recordKeys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = RecordPrefix };
        do
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            recordKeys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        var records = new List<FileRecord>(recordKeys.Count);
        await Parallel.ForEachAsync(
            recordKeys,
            new ParallelOptions { MaxDegreeOfParallelism = RecordReadConcurrency, CancellationToken = cancellationToken },
            async (recordKey, ct) =>
            {
                using var response = await s3.GetObjectAsync(Bucket, recordKey, ct);
                var record = await JsonSerializer.DeserializeAsync<FileRecord>(response.ResponseStream, RecordJson, ct);
                if (record is not null && RecordKey(record.S3Key) == recordKey)
                {
                    lock (records)
                    {
                        records.Add(record);
                    }
                }
            });
        return records;
    }

    private static string RecordKey(string key) => $"{RecordPrefix}{key}.json";
}
