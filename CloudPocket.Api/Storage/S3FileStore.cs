using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using CloudPocket.Api.Files;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Storage;

// Every file has a record object whose key holds its metadata (RecordKey: records/{key}/{payload}). The record is the
// commit: a file is listed only when its record exists, so a crash never leaves anything half-listed, and the index
// is rebuilt from a listing of the records alone. A file that fits in one part is stored in its record (one PUT);
// a larger one is a multipart upload under {key}, followed by an empty record.
public sealed class S3FileStore(
    IAmazonS3 s3, [FromKeyedServices(S3ClientFactory.Transfers)] IAmazonS3 transfers, IOptions<S3Options> options)
{
    // One listing per first character of the key, a few at once: fauxqs sorts everything under the prefix for
    // every page, so 32 small prefixes cost a thirty-second of one big one each; real S3 lists prefixes in parallel.
    private const int ListConcurrency = 4;
    private const int LegacyReadConcurrency = 16;
    private const string LegacySuffix = ".json";
    private static readonly JsonSerializerOptions LegacyRecordJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private string Bucket => options.Value.BucketName!;

    internal S3Upload BeginUpload(string contentType) => new(s3, transfers, options.Value, StorageKey.New(), contentType);

    // A file that fits in one part goes into the record object itself, so one PUT both stores and commits it: half
    // the requests for the small files most uploads are. A larger file is completed under its own key first, then
    // the empty record commits it. Returns the entry with S3's ETag and its record key.
    internal async Task<FileRecord> CommitAsync(S3Upload upload, FileRecord file, CancellationToken cancellationToken)
    {
        if (upload.IsSinglePut)
        {
            var inline = file with { Inline = true };
            var key = RecordKey.Format(inline);
            return inline with { ETag = await upload.PutAsync(key, cancellationToken), RecordKey = key };
        }

        var stored = file with { ETag = await upload.CompleteAsync(cancellationToken) };
        var recordKey = RecordKey.Format(stored);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = recordKey,
            InputStream = new MemoryStream([], writable: false),
        }, cancellationToken);
        return stored with { RecordKey = recordKey };
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
    public async Task DeleteAsync(FileRecord file, CancellationToken cancellationToken)
    {
        await s3.DeleteObjectAsync(Bucket, file.RecordKey ?? RecordKey.Format(file), cancellationToken);
        if (!file.Inline)
        {
            await s3.DeleteObjectAsync(Bucket, file.S3Key, cancellationToken);
        }
    }

    // HeadBucket, not a listing: fauxqs sorts the whole bucket for every listing, so a health poll would cost O(files).
    public Task PingAsync(CancellationToken cancellationToken) =>
        s3.HeadBucketAsync(new HeadBucketRequest { BucketName = Bucket }, cancellationToken);

    public async Task<IReadOnlyList<FileRecord>> ReadRecordsAsync(CancellationToken cancellationToken)
    {
        var prefixes = StorageKey.Alphabet;
        var listed = new (List<FileRecord> Records, List<string> Legacy)[prefixes.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, prefixes.Length),
            new ParallelOptions { MaxDegreeOfParallelism = ListConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => listed[i] = await ListRecordsAsync(RecordKey.Prefix + prefixes[i], ct));

        var records = listed.SelectMany(l => l.Records).ToList();
        records.AddRange(await ReadLegacyRecordsAsync(listed.SelectMany(l => l.Legacy), cancellationToken));
        return records;
    }

    // Keys that are neither format are not ours and are left out.
    private async Task<(List<FileRecord> Records, List<string> Legacy)> ListRecordsAsync(string prefix, CancellationToken cancellationToken)
    {
        var records = new List<FileRecord>();
        var legacy = new List<string>();
        await foreach (var listed in ListObjectsAsync(prefix, cancellationToken))
        {
            if (RecordKey.TryParse(listed.Key, out var record))
            {
                // An inline record's ETag is its own, which only S3 knows: the listing says it.
                records.Add(record.Inline ? record with { ETag = listed.ETag } : record);
            }
            else if (IsLegacyRecordKey(listed.Key))
            {
                legacy.Add(listed.Key);
            }
        }

        return (records, legacy);
    }

    // Paging is safe although record keys are mixed case and fauxqs orders by locale while S3 orders by code unit:
    // two record keys always differ within their lowercase base32 storage key, where both orders agree.
    private async IAsyncEnumerable<S3Object> ListObjectsAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        do
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var o in page.S3Objects ?? [])
            {
                yield return o;
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }

    // records/{key}.json, a JSON body, written by versions before the record moved into the key: read with a GET
    // each, so nothing stored earlier disappears from the listing.
    private static bool IsLegacyRecordKey(string key) =>
        key.Length == RecordKey.Prefix.Length + StorageKey.Length + LegacySuffix.Length
        && key.EndsWith(LegacySuffix, StringComparison.Ordinal)
        && StorageKey.IsValid(key.Substring(RecordKey.Prefix.Length, StorageKey.Length));

    private async Task<List<FileRecord>> ReadLegacyRecordsAsync(IEnumerable<string> recordKeys, CancellationToken cancellationToken)
    {
        var records = new List<FileRecord>();
        await Parallel.ForEachAsync(
            recordKeys,
            new ParallelOptions { MaxDegreeOfParallelism = LegacyReadConcurrency, CancellationToken = cancellationToken },
            async (recordKey, ct) =>
            {
                if (await ReadLegacyRecordAsync(recordKey, ct) is { } record)
                {
                    lock (records)
                    {
                        records.Add(record);
                    }
                }
            });
        return records;
    }

    // Null when the record is gone since the listing, unreadable, or names another key: not a file to list.
    private async Task<FileRecord?> ReadLegacyRecordAsync(string recordKey, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(Bucket, recordKey, cancellationToken);
            var record = await JsonSerializer.DeserializeAsync<FileRecord>(response.ResponseStream, LegacyRecordJson, cancellationToken);
            return record is not null && recordKey == $"{RecordKey.Prefix}{record.S3Key}{LegacySuffix}"
                ? record with { RecordKey = recordKey }
                : null;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
