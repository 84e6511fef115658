using System.Net;
using System.Net.Http.Headers;
using CloudPocket.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CloudPocket.Tests.Api;

// With Downloads:RedirectToS3 the bytes come straight from S3 through a presigned GET; S3 answers ranges and
// conditional requests itself.
public abstract class DownloadRedirectTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : S3ApiFixture
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 10_000).Select(i => (byte)i)];

    [Fact]
    public async Task ADownloadRedirectsToAPresignedGetThatSavesUnderTheNameAndHonoursRangesAndETags()
    {
        await using var api = fixture.WithWebHostBuilder(b => b.UseSetting("Downloads:RedirectToS3", "true"));
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var upload = await client.UploadAsync(Content, "Präsentation.pdf", "application/pdf");

        using var redirect = await client.GetAsync($"/download/{upload.S3Key}");
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/download/{upload.S3Key}"));
        var location = redirect.Headers.Location!;
        using var s3 = new HttpClient();
        using var whole = await s3.GetAsync(location);
        using var range = await s3.SendAsync(new HttpRequestMessage(HttpMethod.Get, location) { Headers = { Range = new RangeHeaderValue(100, 199) } });
        using var cached = await s3.SendAsync(new HttpRequestMessage(HttpMethod.Get, location) { Headers = { IfNoneMatch = { whole.Headers.ETag! } } });

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, head.StatusCode);
        Assert.Equal(fixture.S3Endpoint.Authority, location.Authority);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(Content, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal("Präsentation.pdf", whole.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("application/pdf", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal(Content[100..200], await range.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
    }

    [Fact]
    public async Task AnUnknownKeyIsStillANotFoundProblemRatherThanARedirect()
    {
        await using var api = fixture.WithWebHostBuilder(b => b.UseSetting("Downloads:RedirectToS3", "true"));
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/download/abcdefghijklmnopqrstuvwxyz");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class DownloadRedirectTestsOnFauxqs(FilesApiFixture fixture) : DownloadRedirectTests<FilesApiFixture>(fixture);

public sealed class DownloadRedirectTestsOnCeph(CephApiFixture fixture) : DownloadRedirectTests<CephApiFixture>(fixture);
