using System.Net;
using System.Text;
using CloudPocket.Tests.Api;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Api;

// Broken or hostile multipart bodies and download keys: always a 4xx ProblemDetails, never a 5xx, nothing stored.
public class MalformedRequestTests(FilesApiFixture fixture) : IClassFixture<FilesApiFixture>
{
    private readonly HttpClient _client = fixture.CreateClient();

    public static TheoryData<string, string?> MalformedBodies => new()
    {
        { "no boundary at all", "multipart/form-data" },
        { $"--{RawMultipart.Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc\r\n--{RawMultipart.Boundary}--\r\n", "multipart/form-data; boundary=other-boundary" },
        { "x", $"multipart/form-data; boundary={new string('b', 71)}" },
        { $"--{RawMultipart.Boundary}\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--{RawMultipart.Boundary}--\r\n", null },
        { $"--{RawMultipart.Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc", null },
        { $"--{RawMultipart.Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n", null },
        { $"--{RawMultipart.Boundary}\r\nno colon header line\r\n\r\nabc\r\n--{RawMultipart.Boundary}--\r\n", null },
        { $"--{RawMultipart.Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\nX-Pad: {new string('p', 200_000)}\r\n\r\nabc\r\n--{RawMultipart.Boundary}--\r\n", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedMultipartIsAClientErrorAndStoresNothing(string raw, string? contentType)
    {
        var before = await fixture.ListBucketKeysAsync();

        using var response = await _client.PostAsync("/upload/", RawMultipart.Body(raw, contentType));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before.Order(), (await fixture.ListBucketKeysAsync()).Order());
    }

    [Fact]
    public async Task ThousandsOfPartsAreRejected()
    {
        var raw = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            raw.Append(CultureInfoInvariant($"--{RawMultipart.Boundary}\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nv\r\n"));
        }

        raw.Append(CultureInfoInvariant($"--{RawMultipart.Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"late.txt\"\r\n\r\nabc\r\n--{RawMultipart.Boundary}--\r\n"));

        using var response = await _client.PostAsync("/upload/", RawMultipart.Body(raw.ToString()));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OtherFieldsBesideTheFileAreIgnored()
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("a comment"), "comment" },
            Multipart.Part(new ByteArrayContent([7, 7, 7]), "file", "with-fields.bin"),
            { new StringContent("trailing"), "after" },
        };

        using var response = await _client.PostAsync("/upload/", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("a%2Fb%2Fc%2Fd%2Fe%2Ff%2Fg%2Fh%2Fi")]
    [InlineData("%01%02%03%04%05%06%07%08%09%0A%0B%0C%0D%0E%0F%10%11%12%13%14%15%16")]
    [InlineData("%0D%0ASet-Cookie:%20x=y")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaa%7F")]
    public async Task HostileDownloadKeysAreNotFound(string key)
    {
        using var response = await _client.GetAsync($"/download/{key}");

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // Dot segments are removed before routing (RFC 3986), so /download/.. is the root: the page, never a file.
    [Theory]
    [InlineData("..")]
    [InlineData("%2e%2e")]
    public async Task DotSegmentsAsADownloadKeyReachThePageNotAFile(string key)
    {
        using var response = await _client.GetAsync($"/download/{key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenThousandCharacterKeyIsNotFound()
    {
        using var response = await _client.GetAsync($"/download/{new string('k', 10_000)}");

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);
}
