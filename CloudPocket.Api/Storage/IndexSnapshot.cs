using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Storage;

// Compacted copies of the whole index under .cloudpocket/snapshots/{unix ms}.json.gz, each saying up to which
// journal object it is complete, so a start reads one object and the journal's tail instead of a HEAD per file.
// An unreadable snapshot is skipped for the one before it; with none, the start lists and HEADs (slower, never wrong).
public sealed class IndexSnapshot(IAmazonS3 s3, [FromKeyedServices(S3ClientFactory.Transfers)] IAmazonS3 transfers, IOptions<S3Options> options)
{
    public const int Kept = 3;

    private string Bucket => options.Value.BucketName!;

    public sealed record Contents(string? JournalThrough, IReadOnlyList<FileRecord> Files);

    public async Task WriteAsync(IReadOnlyCollection<FileRecord> files, string? journalThrough, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await using (var gzip = new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true))
        {
            await JsonSerializer.SerializeAsync(gzip, new Contents(journalThrough, [.. files]), BookkeepingJson.Options, cancellationToken);
        }

        body.Position = 0;
        var key = ReservedPrefix.Snapshots + now.ToUnixTimeMilliseconds().ToString("D13", CultureInfo.InvariantCulture) + ".json.gz";
        // A snapshot of 100,000 files is over 10 MiB: sent in parts of the upload part size, as S3-compatible servers
        // cap single PUTs (fauxqs at 11 MiB) well below AWS's 5 GB.
        using var upload = new TransferUtility(transfers, new TransferUtilityConfig { MinSizeBeforePartUpload = options.Value.PartSizeBytes });
        await upload.UploadAsync(new TransferUtilityUploadRequest
        {
            BucketName = Bucket,
            Key = key,
            InputStream = body,
            ContentType = "application/gzip",
            PartSize = options.Value.PartSizeBytes,
        }, cancellationToken);
    }

    /// <summary>The newest snapshot that reads whole, or null.</summary>
    public async Task<Contents?> ReadNewestAsync(CancellationToken cancellationToken)
    {
        foreach (var key in (await ListAsync(cancellationToken)).Reverse())
        {
            try
            {
                using var response = await transfers.GetObjectAsync(Bucket, key, cancellationToken);
                await using var gzip = new GZipStream(response.ResponseStream, CompressionMode.Decompress);
                if (await JsonSerializer.DeserializeAsync<Contents>(gzip, BookkeepingJson.Options, cancellationToken) is { Files: not null } contents)
                {
                    return contents with { Files = [.. contents.Files.Where(f => StorageKey.IsValid(f.S3Key))] };
                }
            }
            catch (Exception e) when (e is JsonException or InvalidDataException || e is AmazonS3Exception { StatusCode: System.Net.HttpStatusCode.NotFound })
            {
            }
        }

        return null;
    }

    /// <summary>Deletes all but the newest <see cref="Kept"/> snapshots.</summary>
    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        var keys = await ListAsync(cancellationToken);
        foreach (var old in keys.Take(Math.Max(0, keys.Count - Kept)))
        {
            await s3.DeleteObjectAsync(Bucket, old, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var keys = await s3.ListAllAsync(new ListObjectsV2Request { BucketName = Bucket, Prefix = ReservedPrefix.Snapshots }, cancellationToken)
            .Select(o => o.Key).Where(k => k.EndsWith(".json.gz", StringComparison.Ordinal)).ToListAsync(cancellationToken);

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
