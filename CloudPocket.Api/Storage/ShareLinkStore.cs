using System.Net;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Storage;

// Share links live in the bucket, one small JSON object each, so they survive restarts and every replica reads
// the same ones; reads always go to the bucket, so a revocation or a download counted on one replica holds on all.
public sealed class ShareLinkStore(IAmazonS3 s3, IOptions<S3Options> options)
{
    private const string Suffix = ".json";

    private string Bucket => options.Value.BucketName!;

    public Task WriteAsync(ShareLinkRecord link, CancellationToken cancellationToken) =>
        s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = KeyOf(link.Id),
            ContentBody = JsonSerializer.Serialize(link, BookkeepingJson.Options),
            ContentType = "application/json",
        }, cancellationToken);

    /// <summary>The link with this id, or null when there is none (or its object does not read as one).</summary>
    public async Task<ShareLinkRecord?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(Bucket, KeyOf(id), cancellationToken);
            var link = await JsonSerializer.DeserializeAsync<ShareLinkRecord>(response.ResponseStream, BookkeepingJson.Options, cancellationToken);
            return link?.Id == id ? link : null;
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

    /// <summary>The ids of every link in the bucket, from a keys-only listing.</summary>
    public async Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken) =>
        await s3.ListAllAsync(new ListObjectsV2Request { BucketName = Bucket, Prefix = ReservedPrefix.Links }, cancellationToken)
            .Select(o => o.Key[ReservedPrefix.Links.Length..])
            .Where(name => name.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(name => name[..^Suffix.Length])
            .Where(StorageKey.IsValid)
            .ToListAsync(cancellationToken);

    private static string KeyOf(string id) => ReservedPrefix.Links + id + Suffix;
}
