using System.Net;
using System.Text;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Api;

// Every rejected upload answers with a ProblemDetails and leaves the bucket exactly as it was.
public abstract class UploadValidationTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : S3ApiFixture
{
    private readonly HttpClient _client = fixture.CreateClient();

    private async Task AssertRejectedAndNothingStoredAsync(HttpContent body, HttpStatusCode expected)
    {
        var before = await fixture.ListBucketKeysAsync();

        using var response = await _client.PostAsync("/upload/", body);

        await response.AssertProblemAsync(expected);
        Assert.Equal(before.Order(), (await fixture.ListBucketKeysAsync()).Order());
        Assert.Empty(await fixture.ListUnfinishedUploadsAsync());
    }

    [Fact]
    public async Task UploadWithoutFilePartReturnsProblemDetails()
    {
        var form = new MultipartFormDataContent { { new StringContent("just a field"), "comment" } };

        await AssertRejectedAndNothingStoredAsync(form, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UploadThatIsNotMultipartReturnsUnsupportedMediaType() =>
        await AssertRejectedAndNothingStoredAsync(new StringContent("{}", Encoding.UTF8, "application/json"), HttpStatusCode.UnsupportedMediaType);

    [Fact]
    public async Task UploadWithTwoFilePartsReturnsBadRequestAndStoresNeither()
    {
        var form = new MultipartFormDataContent
        {
            Multipart.Part(new ByteArrayContent(new byte[(2 * S3ApiFixture.PartSize) + 7]), "file", "one.bin"),
            Multipart.Part(new ByteArrayContent([1, 2, 3]), "file", "two.bin"),
        };

        await AssertRejectedAndNothingStoredAsync(form, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UploadWithEmptyFilenameReturnsBadRequest()
    {
        var form = new MultipartFormDataContent { Multipart.Part(new ByteArrayContent([1]), "file", "") };

        await AssertRejectedAndNothingStoredAsync(form, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FilePartWithoutFilenameReturnsBadRequest()
    {
        var form = new MultipartFormDataContent { Multipart.Part(new ByteArrayContent([1]), "file", null) };

        await AssertRejectedAndNothingStoredAsync(form, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MultipartWithoutBoundaryReturnsBadRequest()
    {
        var body = new ByteArrayContent("--x\r\n"u8.ToArray());
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");

        await AssertRejectedAndNothingStoredAsync(body, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TruncatedBodyReturnsBadRequestAndStoresNothing()
    {
        var payload = new string('x', (S3ApiFixture.PartSize * 2) + 100);
        var raw = $"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.bin\"\r\n\r\n{payload}";
        var body = new ByteArrayContent(Encoding.ASCII.GetBytes(raw));
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b0undary");

        await AssertRejectedAndNothingStoredAsync(body, HttpStatusCode.BadRequest);
    }
}

public sealed class UploadValidationTestsOnFauxqs(FilesApiFixture fixture) : UploadValidationTests<FilesApiFixture>(fixture);

public sealed class UploadValidationTestsOnCeph(CephApiFixture fixture) : UploadValidationTests<CephApiFixture>(fixture);
