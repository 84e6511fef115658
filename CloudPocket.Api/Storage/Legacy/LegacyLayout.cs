using System.Net;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Storage.Legacy;

// Buckets written before each file became one self-describing object keep a record per file under records/:
// records/{key}/{payload} (metadata in the key; the bytes in the record itself for a small file, at {key} otherwise)
// or, older still, records/{key}.json with the bytes at {key}. Each is converted once at start: the bytes are
// copied to {key} with the file's metadata, then the record is deleted. Copy first, so a crash in between leaves a
// file that the next start converts again, never one that is lost.
public sealed partial class LegacyLayout(
    IAmazonS3 s3, [FromKeyedServices(S3ClientFactory.Transfers)] IAmazonS3 transfers, ChangeJournal journal, IOptions<S3Options> options,
    ILogger<LegacyLayout> logger)
{
    public const string Prefix = "records/";
    private const string JsonSuffix = ".json";
    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private string Bucket => options.Value.BucketName!;

    /// <summary>Converts the records among <paramref name="keys"/>; returns the files they held, now in today's layout.</summary>
    public async Task<IReadOnlyList<FileRecord>> ConvertAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var converted = new List<FileRecord>();
        var records = keys.Where(k => k.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        await Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (key, ct) =>
        {
            if (await ReadAsync(key, ct) is { } record)
            {
                var file = await ConvertAsync(record, ct);
                lock (converted)
                {
                    converted.Add(file);
                }
            }
        });

        if (converted.Count > 0)
        {
            LogConverted(converted.Count, Bucket);
        }

        return converted;
    }

    private async Task<FileRecord> ConvertAsync(LegacyRecord record, CancellationToken cancellationToken)
    {
        var file = record.File;
        var copy = new CopyObjectRequest
        {
            SourceBucket = Bucket,
            SourceKey = record.Inline ? record.RecordKey : file.S3Key,
            DestinationBucket = Bucket,
            DestinationKey = file.S3Key,
            MetadataDirective = S3MetadataDirective.REPLACE,
        };
        StoredObject.Describe(file, copy.Headers, copy.Metadata);
        var eTag = ETag.Quoted((await transfers.CopyObjectAsync(copy, cancellationToken)).ETag);
        await s3.DeleteObjectAsync(Bucket, record.RecordKey, cancellationToken);
        var converted = file with { ETag = eTag };
        journal.Record(JournalEntry.Stored(converted));
        return converted;
    }

    // Null for keys under records/ that are neither format, and records whose bytes are gone: not files to keep.
    private async Task<LegacyRecord?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (RecordKey.TryParse(key, out var record))
        {
            return record;
        }

        var s3Key = key.Length == Prefix.Length + StorageKey.Length + JsonSuffix.Length && key.EndsWith(JsonSuffix, StringComparison.Ordinal)
            ? key.Substring(Prefix.Length, StorageKey.Length)
            : null;
        if (!StorageKey.IsValid(s3Key))
        {
            return null;
        }

        try
        {
            using var response = await s3.GetObjectAsync(Bucket, key, cancellationToken);
            var file = await JsonSerializer.DeserializeAsync<FileRecord>(response.ResponseStream, RecordJson, cancellationToken);
            return file is not null && file.S3Key == s3Key ? new LegacyRecord(file, key, Inline: false) : null;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Converted {Count} files of bucket {Bucket} from the records/ layout to one object per file")]
    private partial void LogConverted(int count, string bucket);
}
