using System.Net;
using CloudPocket.Tests.Api;
using CloudPocket.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CloudPocket.Tests.Api;

public abstract class LimitsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : S3ApiFixture
{
    private const int OneMebibyte = 1024 * 1024;

    [Fact]
    public async Task FileOverTheLimitIs413WithContentLengthAndStoresNothing()
    {
        using var factory = fixture.WithWebHostBuilder(b => b.UseSetting("Uploads:MaxFileSizeBytes", $"{OneMebibyte}"));
        using var client = factory.CreateClient();
        var before = await fixture.ListBucketKeysAsync();

        using var response = await client.PostAsync("/upload/", Multipart.File(new byte[(6 * OneMebibyte) + 1], "big.bin"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before.Order(), (await fixture.ListBucketKeysAsync()).Order());
        Assert.Empty(await fixture.ListUnfinishedUploadsAsync());
    }

    [Fact]
    public async Task ChunkedFileOverTheLimitIs413AndStoresNothing()
    {
        using var factory = fixture.WithWebHostBuilder(b => b.UseSetting("Uploads:MaxFileSizeBytes", $"{OneMebibyte}"));
        using var client = factory.CreateClient();
        var before = await fixture.ListBucketKeysAsync();
        await using var body = new GeneratedStream((12 * OneMebibyte) + 5, seed: 413);
        var form = Multipart.File(new StreamContent(body), "chunked.bin");
        Assert.Null(form.Headers.ContentLength);

        using var response = await client.PostAsync("/upload/", form);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before.Order(), (await fixture.ListBucketKeysAsync()).Order());
        Assert.Empty(await fixture.ListUnfinishedUploadsAsync());
    }

    [Fact]
    public async Task FileExactlyAtTheLimitIsAccepted()
    {
        using var factory = fixture.WithWebHostBuilder(b => b.UseSetting("Uploads:MaxFileSizeBytes", $"{OneMebibyte}"));
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/upload/", Multipart.File(new byte[OneMebibyte], "exact.bin"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UploadsOverTheRateLimitAre429WithRetryAfter()
    {
        using var factory = fixture.WithWebHostBuilder(b => b.UseSetting("Uploads:PermitsPerMinute", "2"));
        using var client = factory.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.PostAsync("/upload/", Multipart.File([1], $"r{i}.bin"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await client.PostAsync("/upload/", Multipart.File([1], "r3.bin"));
        using var listing = await client.GetAsync("/files/");

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
    }
}

public sealed class LimitsTestsOnFauxqs(FilesApiFixture fixture) : LimitsTests<FilesApiFixture>(fixture);

public sealed class LimitsTestsOnCeph(CephApiFixture fixture) : LimitsTests<CephApiFixture>(fixture);
