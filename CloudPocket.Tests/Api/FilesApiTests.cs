using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Api;

public abstract class FilesApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : S3ApiFixture
{
    private readonly HttpClient _client = fixture.CreateClient();

    private async Task<UploadResult> UploadAsync(byte[] bytes, string filename, string contentType = "application/octet-stream")
    {
        using var response = await _client.PostAsync("/upload/", Multipart.File(bytes, filename, contentType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UploadResult>())!;
    }

    [Fact]
    public async Task UploadAnswersWithKeyAndMetadataOfTheBytesReceived()
    {
        var bytes = Encoding.UTF8.GetBytes("hello, pocket");

        var upload = await UploadAsync(bytes, "hello.txt", "text/plain");

        Assert.Equal("uploaded", upload.Status);
        Assert.Equal("hello.txt", upload.Filename);
        Assert.Equal(bytes.Length, upload.Size);
        Assert.Equal("text/plain", upload.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), upload.Sha256);
        Assert.Matches("^[a-z2-7]{26}$", upload.S3Key);
        Assert.InRange(upload.UploadedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(S3ApiFixture.PartSize + 1)]
    public async Task DeletingAFileLeavesNothingOfItInTheBucket(int size)
    {
        var upload = await UploadAsync(RandomNumberGenerator.GetBytes(size), "deleted.bin");
        Assert.Contains(await fixture.ListBucketKeysAsync(), key => key.Contains(upload.S3Key, StringComparison.Ordinal));

        using var deleted = await _client.DeleteAsync($"/files/{upload.S3Key}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(await fixture.ListBucketKeysAsync(), key => key.Contains(upload.S3Key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(S3ApiFixture.PartSize - 1)]
    [InlineData(S3ApiFixture.PartSize)]
    [InlineData(S3ApiFixture.PartSize + 1)]
    [InlineData((3 * S3ApiFixture.PartSize) + 12345)]
    public async Task DownloadReturnsTheIdenticalBytesWhateverTheSize(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        var upload = await UploadAsync(bytes, $"sized-{size}.bin");

        using var response = await _client.GetAsync($"/download/{upload.S3Key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(size, response.Content.Headers.ContentLength);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), upload.Sha256);
    }

    [Fact]
    public async Task ARangeAcrossAPartBoundaryAndConditionalGetsAreAnsweredFromTheStoredObject()
    {
        var bytes = RandomNumberGenerator.GetBytes((2 * S3ApiFixture.PartSize) + 100);
        var upload = await UploadAsync(bytes, "ranged.bin");
        const int from = S3ApiFixture.PartSize - 10, to = S3ApiFixture.PartSize + 9;

        using var partial = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/download/{upload.S3Key}")
        {
            Headers = { Range = new RangeHeaderValue(from, to) },
        });
        using var whole = await _client.GetAsync($"/download/{upload.S3Key}");
        using var notModified = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/download/{upload.S3Key}")
        {
            Headers = { IfNoneMatch = { whole.Headers.ETag! } },
        });
        using var staleIfRange = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/download/{upload.S3Key}")
        {
            Headers = { Range = new RangeHeaderValue(0, 9), IfRange = new RangeConditionHeaderValue("\"stale\"") },
        });

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal($"bytes {from}-{to}/{bytes.Length}", partial.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes[from..(to + 1)], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staleIfRange.StatusCode);
        Assert.Equal(bytes.Length, (await staleIfRange.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task DownloadCarriesContentTypeOriginalNameAndNosniff()
    {
        var upload = await UploadAsync("<h1>hi</h1>"u8.ToArray(), "Grüße 照片.html", "text/html");

        using var response = await _client.GetAsync($"/download/{upload.S3Key}");

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Grüße 照片.html", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task ListingShowsUploadedNames()
    {
        var name = $"listed-{Guid.NewGuid():N}.txt";
        await UploadAsync([1, 2, 3], name);

        var names = await _client.GetFromJsonAsync<string[]>("/files/");

        Assert.Contains(name, names!);
    }

    [Fact]
    public async Task ClientPathInFilenameIsNeitherKeyNorPath()
    {
        var upload = await UploadAsync([42], "../../etc/passwd");

        Assert.Equal("passwd", upload.Filename);
        Assert.DoesNotContain("passwd", upload.S3Key, StringComparison.Ordinal);
        Assert.DoesNotContain(await fixture.ListBucketKeysAsync(), key => key.Contains("..", StringComparison.Ordinal) || key.Contains("passwd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownKeyReturnsNotFoundProblem()
    {
        using var response = await _client.GetAsync("/download/aaaaaaaaaaaaaaaaaaaaaaaaaa");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ObjectTheServiceDidNotWriteIsNotServed()
    {
        const string foreignKey = "bbbbbbbbbbbbbbbbbbbbbbbbbb";
        await fixture.S3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest
        {
            BucketName = fixture.Bucket,
            Key = foreignKey,
            ContentBody = "not ours",
        });

        using var response = await _client.GetAsync($"/download/{foreignKey}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FileWhoseBytesVanishedFromTheBucketIsANotFoundProblemWithNosniffAndNoneOfTheDownloadsHeaders()
    {
        var upload = await UploadAsync([5, 5, 5], "vanishing.bin");
        foreach (var key in (await fixture.ListBucketKeysAsync()).Where(k => k.Contains(upload.S3Key, StringComparison.Ordinal)))
        {
            await fixture.S3.DeleteObjectAsync(fixture.Bucket, key);
        }

        using var response = await _client.GetAsync($"/download/{upload.S3Key}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Content.Headers.LastModified);
        Assert.Empty(response.Headers.AcceptRanges);
        Assert.False(response.Headers.Contains("Repr-Digest"));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }
}

public sealed class FilesApiTestsOnFauxqs(FilesApiFixture fixture) : FilesApiTests<FilesApiFixture>(fixture);

public sealed class FilesApiTestsOnCeph(CephApiFixture fixture) : FilesApiTests<CephApiFixture>(fixture);
