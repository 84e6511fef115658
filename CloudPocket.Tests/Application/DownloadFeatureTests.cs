using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Application;

[Collection(WholeApplication.Name)]
public class DownloadFeatureTests(CloudPocketAppFixture fixture)
{
    private static readonly byte[] Content = RandomNumberGenerator.GetBytes(100_000);

    private static async Task<HttpResponseMessage> GetAsync(HttpClient api, string key, Action<HttpRequestHeaders> headers,
        CancellationToken cancellationToken, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, $"/download/{key}");
        headers(request.Headers);
        return await api.SendAsync(request, cancellationToken);
    }

    [Theory]
    [InlineData("bytes=0-0", 0, 0)]
    [InlineData("bytes=99999-99999", 99_999, 99_999)]
    [InlineData("bytes=1000-2999", 1000, 2999)]
    [InlineData("bytes=-500", 99_500, 99_999)]
    [InlineData("bytes=99000-", 99_000, 99_999)]
    [InlineData("bytes=99000-200000", 99_000, 99_999)]
    public async Task ByteRangeReturnsExactlyThosePartialBytes(string range, int from, int to)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = fixture.CreateApiClient();
        var upload = await api.UploadAsync(Content, "ranged.bin", cancellationToken: timeout.Token);

        using var response = await GetAsync(api, upload.S3Key, h => h.TryAddWithoutValidation("Range", range), timeout.Token);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {from}-{to}/{Content.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(Content[from..(to + 1)], await response.Content.ReadAsByteArrayAsync(timeout.Token));
    }

    [Theory]
    [InlineData("bytes=100000-")]
    [InlineData("bytes=200000-300000")]
    [InlineData("bytes=-0")]
    public async Task UnsatisfiableRangeIs416WithTheSize(string range)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = fixture.CreateApiClient();
        var upload = await api.UploadAsync(Content, "ranged.bin", cancellationToken: timeout.Token);

        using var response = await GetAsync(api, upload.S3Key, h => h.TryAddWithoutValidation("Range", range), timeout.Token);

        await response.AssertProblemAsync(HttpStatusCode.RequestedRangeNotSatisfiable);
        Assert.Equal($"bytes */{Content.Length}", response.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task MatchingETagIsNotModifiedAndStaleIfRangeGetsTheWholeFile()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = fixture.CreateApiClient();
        var upload = await api.UploadAsync(Content, "cached.bin", cancellationToken: timeout.Token);
        using var first = await GetAsync(api, upload.S3Key, _ => { }, timeout.Token);
        var eTag = first.Headers.ETag!;

        using var notModified = await GetAsync(api, upload.S3Key, h => h.IfNoneMatch.Add(eTag), timeout.Token);
        using var freshRange = await GetAsync(api, upload.S3Key, h => { h.Range = new RangeHeaderValue(0, 9); h.IfRange = new RangeConditionHeaderValue(eTag); }, timeout.Token);
        using var staleRange = await GetAsync(api, upload.S3Key, h => { h.Range = new RangeHeaderValue(0, 9); h.IfRange = new RangeConditionHeaderValue("\"stale\""); }, timeout.Token);

        Assert.Equal("bytes", first.Headers.AcceptRanges.Single());
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(timeout.Token));
        Assert.Equal(HttpStatusCode.PartialContent, freshRange.StatusCode);
        Assert.Equal(HttpStatusCode.OK, staleRange.StatusCode);
        Assert.Equal(Content, await staleRange.Content.ReadAsByteArrayAsync(timeout.Token));
    }

    [Fact]
    public async Task HeadAnswersTheHeadersOfGetWithoutABody()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = fixture.CreateApiClient();
        var upload = await api.UploadAsync(Content, "head.bin", "application/pdf", timeout.Token);

        using var head = await GetAsync(api, upload.S3Key, _ => { }, timeout.Token, HttpMethod.Head);
        using var get = await GetAsync(api, upload.S3Key, _ => { }, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(timeout.Token));
        Assert.Equal(Content.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal("application/pdf", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Content.Headers.ContentDisposition, head.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task ReprDigestHeaderIsTheUploadedSha256()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = fixture.CreateApiClient();
        var upload = await api.UploadAsync(Content, "digest.bin", cancellationToken: timeout.Token);

        using var response = await GetAsync(api, upload.S3Key, _ => { }, timeout.Token);

        var digest = Convert.FromHexString(upload.Sha256);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(digest)}:", response.Headers.GetValues("Repr-Digest").Single());
        Assert.Equal(digest, SHA256.HashData(await response.Content.ReadAsByteArrayAsync(timeout.Token)));
    }

    [Fact]
    public async Task StoredHtmlComesBackAsASandboxedAttachment()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = fixture.CreateApiClient();
        var upload = await api.UploadAsync("<script>alert(1)</script>"u8.ToArray(), "page.html", "text/html", timeout.Token);

        using var response = await GetAsync(api, upload.S3Key, _ => { }, timeout.Token);

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
