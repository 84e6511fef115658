using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;
using CloudPocket.Api.Storage;
using CloudPocket.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CloudPocket.Tests.Api;

public class ShareLinkTests(FilesApiFixture fixture) : IClassFixture<FilesApiFixture>
{
    private readonly HttpClient _client = fixture.CreateClient();

    private async Task<LinkResult> CreateLinkAsync(string key, object? body = null, HttpClient? client = null)
    {
        using var response = await (client ?? _client).PostAsJsonAsync($"/files/{key}/links", body ?? new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<LinkResult>())!;
    }

    private static FormUrlEncodedContent Password(string password) => new([new("password", password)]);

    [Fact]
    public async Task ALinkIsAnAbsoluteUrlToASharePageThatNamesTheFile()
    {
        var upload = await _client.UploadAsync(Encoding.UTF8.GetBytes("shared text"), "report <final>.txt", "text/plain");

        var link = await CreateLinkAsync(upload.S3Key);

        Assert.True(link.Url.IsAbsoluteUri);
        Assert.Matches("^/s/[a-z2-7]{52}$", link.Url.AbsolutePath);
        Assert.InRange(link.ExpiresAt, DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(1));
        Assert.Equal((null, 0, false), (link.MaxDownloads, link.Downloads, link.HasPassword));
        using var page = await _client.GetAsync(link.Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        using var info = await _client.GetAsync(link.Url.AbsolutePath + "/info");
        var shared = await info.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
        Assert.Equal("report <final>.txt", shared!["filename"].GetString());
        Assert.Equal(11, shared["size"].GetInt64());
        Assert.False(shared["has_password"].GetBoolean());
    }

    [Fact]
    public async Task ALinkWithoutPasswordServesTheBytesWithRangesAndCountsEveryDownload()
    {
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        var upload = await _client.UploadAsync(bytes, "data.bin");
        var link = await CreateLinkAsync(upload.S3Key);

        using var whole = await _client.GetAsync(link.Url.AbsolutePath + "/download");
        using var ranged = new HttpRequestMessage(HttpMethod.Get, link.Url.AbsolutePath + "/download") { Headers = { Range = new RangeHeaderValue(10, 19) } };
        using var part = await _client.SendAsync(ranged);

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", whole.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[10..20], await part.Content.ReadAsByteArrayAsync());
        var listed = Assert.Single((await _client.GetFromJsonAsync<LinkResult[]>($"/files/{upload.S3Key}/links"))!);
        Assert.Equal((link.Id, 2), (listed.Id, listed.Downloads));
    }

    [Fact]
    public async Task APasswordLinkServesTheBytesOnlyForTheRightPasswordAndItsPlainAddressNever()
    {
        var bytes = RandomNumberGenerator.GetBytes(5000);
        var upload = await _client.UploadAsync(bytes, "secret.bin");
        var link = await CreateLinkAsync(upload.S3Key, new { password = "open sesame" });
        var download = link.Url.AbsolutePath + "/download";

        using var withoutPassword = await _client.GetAsync(download);
        using var wrong = await _client.PostAsync(download, Password("open sesame!"));
        using var right = await _client.PostAsync(download, Password("open sesame"));
        using var stillWithout = await _client.GetAsync(download);

        Assert.True(link.HasPassword);
        await withoutPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Wrong password", (await wrong.AssertProblemAsync(HttpStatusCode.Forbidden)).Title);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(bytes, await right.Content.ReadAsByteArrayAsync());
        await stillWithout.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var listed = Assert.Single((await _client.GetFromJsonAsync<LinkResult[]>($"/files/{upload.S3Key}/links"))!);
        Assert.Equal(1, listed.Downloads);
    }

    [Fact]
    public async Task ConcurrentDownloadsAreCountedExactlyAndNeverPassTheLimit()
    {
        var upload = await _client.UploadAsync(RandomNumberGenerator.GetBytes(1000), "popular.bin");
        var link = await CreateLinkAsync(upload.S3Key, new { max_downloads = 5 });

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            using var response = await _client.GetAsync(link.Url.AbsolutePath + "/download");
            return response.StatusCode;
        })).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(5, answers.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(11, answers.Count(s => s == HttpStatusCode.Gone));
        var listed = Assert.Single((await _client.GetFromJsonAsync<LinkResult[]>($"/files/{upload.S3Key}/links"))!);
        Assert.Equal(5, listed.Downloads);
        using var after = await _client.GetAsync(link.Url.AbsolutePath + "/download");
        Assert.Contains("download limit", (await after.AssertProblemAsync(HttpStatusCode.Gone)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedLinkIsGoneAndNoLongerListed()
    {
        var upload = await _client.UploadAsync([1, 2, 3], "revoked.bin");
        var link = await CreateLinkAsync(upload.S3Key);
        var kept = await CreateLinkAsync(upload.S3Key);

        using var revoked = await _client.DeleteAsync($"/links/{link.Id}");
        using var again = await _client.DeleteAsync($"/links/{link.Id}");
        using var info = await _client.GetAsync(link.Url.AbsolutePath + "/info");
        using var download = await _client.GetAsync(link.Url.AbsolutePath + "/download");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("revoked", (await info.AssertProblemAsync(HttpStatusCode.Gone)).Detail, StringComparison.Ordinal);
        await download.AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal([kept.Id], (await _client.GetFromJsonAsync<LinkResult[]>($"/files/{upload.S3Key}/links"))!.Select(l => l.Id));
    }

    [Fact]
    public async Task AnExpiredLinkIsGoneAndSaysWhenItExpired()
    {
        var upload = await _client.UploadAsync([4, 5, 6], "brief.bin");
        var link = await CreateLinkAsync(upload.S3Key, new { expires_in = 1 });

        await Task.Delay(link.ExpiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
        using var download = await _client.GetAsync(link.Url.AbsolutePath + "/download");

        Assert.Contains("expired at", (await download.AssertProblemAsync(HttpStatusCode.Gone)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkToADeletedFileIsGone()
    {
        var upload = await _client.UploadAsync([7], "deleted.bin");
        var link = await CreateLinkAsync(upload.S3Key);
        (await _client.DeleteAsync($"/files/{upload.S3Key}")).Dispose();

        using var download = await _client.GetAsync(link.Url.AbsolutePath + "/download");

        Assert.Contains("deleted", (await download.AssertProblemAsync(HttpStatusCode.Gone)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinksAreKeptInTheBucketUnderTheReservedPrefixAndSurviveARestart()
    {
        var upload = await _client.UploadAsync([8, 9], "kept.bin");
        var link = await CreateLinkAsync(upload.S3Key, new { password = "hunter2", max_downloads = 3 });

        using var restarted = fixture.WithWebHostBuilder(_ => { });
        using var client = restarted.CreateClient();
        using var download = await client.PostAsync(link.Url.AbsolutePath + "/download", Password("hunter2"));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var stored = await fixture.S3.GetObjectAsync(fixture.Bucket, $"{ReservedPrefix.Links}{link.Id}.json");
        var json = await new StreamReader(stored.ResponseStream).ReadToEndAsync();
        Assert.DoesNotContain("hunter2", json, StringComparison.Ordinal);
        Assert.Contains("\"downloads\":1", json, StringComparison.Ordinal);
        Assert.DoesNotContain(await fixture.ListBucketKeysAsync(), key => key.Contains(link.Id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"expires_in\":0}")]
    [InlineData("{\"expires_in\":99999999999}")]
    [InlineData("{\"max_downloads\":0}")]
    [InlineData("{\"password\":\"\"}")]
    [InlineData("{\"expires_in\":\"soon\"}")]
    [InlineData("not json")]
    public async Task ABadLinkRequestIsABadRequest(string body)
    {
        var upload = await _client.UploadAsync([1], "bad.bin");

        using var response = await _client.PostAsync($"/files/{upload.S3Key}/links", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/s/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/download")]
    [InlineData("/s/short/download")]
    [InlineData("/s/..%2F..%2Fetc/info")]
    [InlineData("/files/aaaaaaaaaaaaaaaaaaaaaaaaaa/links")]
    public async Task AnUnknownTokenOrFileIsNotFound(string path)
    {
        using var response = await _client.GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ATokenWithTheRightIdButAnotherSecretIsNotFound()
    {
        var upload = await _client.UploadAsync([1], "guessed.bin");
        var link = await CreateLinkAsync(upload.S3Key);

        using var response = await _client.GetAsync($"/s/{link.Id}{new string('a', 26)}/download");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PasswordAttemptsAreLimitedPerLinkAndClient()
    {
        using var limited = fixture.WithWebHostBuilder(b => b.UseSetting("Links:AttemptsPerMinute", "3"));
        using var client = limited.CreateClient();
        var upload = await client.UploadAsync([1], "guarded.bin");
        var link = await CreateLinkAsync(upload.S3Key, new { password = "right" }, client);
        var other = await CreateLinkAsync(upload.S3Key, new { password = "right" }, client);

        for (var i = 0; i < 3; i++)
        {
            using var guess = await client.PostAsync(link.Url.AbsolutePath + "/download", Password($"guess {i}"));
            await guess.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using var refused = await client.PostAsync(link.Url.AbsolutePath + "/download", Password("right"));
        using var otherLink = await client.PostAsync(other.Url.AbsolutePath + "/download", Password("right"));

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, otherLink.StatusCode);
    }

    [Fact]
    public async Task WithKeysConfiguredLinksAreManagedWithAKeyAndOpenedWithout()
    {
        using var keyed = fixture.WithWebHostBuilder(b => b.UseSetting("Access:ApiKeys:0", "the-key"));
        using var client = keyed.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "the-key");
        using var anonymous = keyed.CreateClient();
        var upload = await client.UploadAsync([1, 2], "keyed.bin");
        var link = await CreateLinkAsync(upload.S3Key, client: client);

        using var create = await anonymous.PostAsJsonAsync($"/files/{upload.S3Key}/links", new { });
        using var list = await anonymous.GetAsync($"/files/{upload.S3Key}/links");
        using var revoke = await anonymous.DeleteAsync($"/links/{link.Id}");
        using var download = await anonymous.GetAsync(link.Url.AbsolutePath + "/download");

        await create.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await list.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await revoke.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task APasswordSentAsJsonIsAnUnsupportedMediaType()
    {
        var upload = await _client.UploadAsync([1], "json.bin");
        var link = await CreateLinkAsync(upload.S3Key, new { password = "pw" });

        using var response = await _client.PostAsJsonAsync(link.Url.AbsolutePath + "/download", new { password = "pw" });

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
