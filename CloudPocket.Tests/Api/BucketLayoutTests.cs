using System.Globalization;
using System.Net.Http.Headers;
using Amazon.S3;
using Amazon.S3.Model;
using CloudPocket.Api.Storage;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Api;

public static class BucketLayoutCases
{
    public static TheoryData<int, string, string> Uploads => new()
    {
        { 0, "empty.txt", "text/plain" },
        { 1000, "photo.jpg", "image/jpeg" },
        { (2 * S3ApiFixture.PartSize) + 5, "big.bin", "application/octet-stream" },
        { 300, "résumé 照片 🎉.pdf", "application/pdf" },
    };
}

// What anyone with S3 tools finds after an upload through the API: one object at the s3_key, describing itself.
public abstract class BucketLayoutTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : S3ApiFixture
{
    [Theory]
    [MemberData(nameof(BucketLayoutCases.Uploads), MemberType = typeof(BucketLayoutCases))]
    public async Task AnUploadIsExactlyOneSelfDescribingObjectAtItsKey(int size, string name, string contentType)
    {
        using var api = fixture.CreateClient();
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        var before = await fixture.ListBucketKeysAsync();

        var upload = await api.UploadAsync(bytes, name, contentType);

        var added = (await fixture.ListBucketKeysAsync()).Except(before).ToList();
        Assert.Equal([upload.S3Key], added);
        using var stored = await fixture.S3.GetObjectAsync(fixture.Bucket, upload.S3Key);
        using var body = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(body);
        Assert.Equal(bytes, body.ToArray());
        Assert.Equal(contentType, stored.Headers.ContentType);
        var disposition = ContentDispositionHeaderValue.Parse(stored.Headers.ContentDisposition);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(name, disposition.FileNameStar);
        Assert.Equal(name, Uri.UnescapeDataString(stored.Metadata[StoredObject.FilenameMetadata]));
        Assert.Equal(upload.Sha256, stored.Metadata[StoredObject.Sha256Metadata]);
        Assert.Equal(upload.UploadedAt, DateTimeOffset.Parse(stored.Metadata[StoredObject.UploadedAtMetadata], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task APresignedGetOfTheObjectSavesUnderTheOriginalName()
    {
        using var api = fixture.CreateClient();
        var upload = await api.UploadAsync("presigned"u8.ToArray(), "Quartalsbericht März.txt", "text/plain");
        var url = fixture.S3.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = fixture.Bucket,
            Key = upload.S3Key,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Protocol.HTTP,
        });

        using var plain = new HttpClient();
        using var response = await plain.GetAsync(url);

        Assert.True(response.IsSuccessStatusCode, url);
        Assert.Equal("Quartalsbericht März.txt", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("presigned", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheServicesOwnObjectsAreAllUnderItsReservedPrefix()
    {
        using var api = fixture.CreateClient();
        var upload = await api.UploadAsync(new byte[S3ApiFixture.PartSize + 1], "staged.bin");
        await Task.Delay(ChangeJournal.FlushInterval * 5);

        var all = new List<string>();
        var request = new ListObjectsV2Request { BucketName = fixture.Bucket };
        ListObjectsV2Response page;
        do
        {
            page = await fixture.S3.ListObjectsV2Async(request);
            all.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        Assert.Contains(upload.S3Key, all);
        Assert.Contains(all, k => k.StartsWith(ReservedPrefix.Journal, StringComparison.Ordinal));
        Assert.All(all, k => Assert.True(StorageKey.IsValid(k) || k.StartsWith(ReservedPrefix.Root, StringComparison.Ordinal), k));
        Assert.DoesNotContain(all, k => k.StartsWith(ReservedPrefix.Uploads, StringComparison.Ordinal));
    }
}

public sealed class BucketLayoutTestsOnFauxqs(FilesApiFixture fixture) : BucketLayoutTests<FilesApiFixture>(fixture);

public sealed class BucketLayoutTestsOnCeph(CephApiFixture fixture) : BucketLayoutTests<CephApiFixture>(fixture);
