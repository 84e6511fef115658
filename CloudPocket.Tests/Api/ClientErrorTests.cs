using System.Net;
using System.Net.Http.Headers;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Api;

// Whichever endpoint finds it, a client error is an RFC 9457 problem that still carries the security headers.
public class ClientErrorTests(FilesApiFixture fixture) : IClassFixture<FilesApiFixture>
{
    private const string UnknownKey = "aaaaaaaaaaaaaaaaaaaaaaaaaa";
    private readonly HttpClient _client = fixture.CreateClient();

    [Theory]
    [InlineData("GET", "/files/page?limit=many", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/files/page?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/files/page?cursor=forged!", HttpStatusCode.BadRequest)]
    [InlineData("GET", $"/files/{UnknownKey}", HttpStatusCode.NotFound)]
    [InlineData("DELETE", $"/files/{UnknownKey}", HttpStatusCode.NotFound)]
    [InlineData("GET", $"/download/{UnknownKey}", HttpStatusCode.NotFound)]
    [InlineData("POST", "/upload/", HttpStatusCode.UnsupportedMediaType)]
    public async Task EveryClientErrorIsAProblemThatKeepsNosniff(string method, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await _client.SendAsync(request);

        await response.AssertProblemAsync(status);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task AParameterThatIsNotANumberIsABadRequestThatNamesIt()
    {
        using var response = await _client.GetAsync("/files/page?limit=many");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Invalid request", problem.Title);
        Assert.Contains("limit", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnsatisfiableRangeIs416WithTheFileSizeAndNoneOfTheFilesHeaders()
    {
        var upload = await _client.UploadAsync(new byte[100], "ranged.bin");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/download/{upload.S3Key}");
        request.Headers.Range = new RangeHeaderValue(200, 300);

        using var response = await _client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestedRangeNotSatisfiable);
        Assert.Equal("bytes */100", response.Content.Headers.ContentRange?.ToString());
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task AClientThatAcceptsOnlyBytesStillGetsTheNotFoundProblem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/download/{UnknownKey}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/octet-stream"));

        using var response = await _client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("File not found", problem.Title);
    }
}
