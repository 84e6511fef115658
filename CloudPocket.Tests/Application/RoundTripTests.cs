using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Application;

[Collection(WholeApplication.Name)]
public class RoundTripTests(CloudPocketAppFixture fixture)
{
    private const long TwoHundredMebibytes = 200L * 1024 * 1024;

    [Fact]
    public async Task UploadListDownloadKeepsBytesNameAndHash()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = fixture.CreateApiClient();
        var bytes = RandomNumberGenerator.GetBytes(300_000);

        using var uploaded = await api.PostAsync("/upload/", Multipart.File(bytes, "photo.jpg", "image/jpeg"), timeout.Token);
        var upload = (await uploaded.Content.ReadFromJsonAsync<UploadResult>(timeout.Token))!;
        var names = await api.GetFromJsonAsync<string[]>("/files/", timeout.Token);
        using var downloaded = await api.GetAsync($"/download/{upload.S3Key}", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Contains("photo.jpg", names!);
        Assert.Equal("image/jpeg", downloaded.Content.Headers.ContentType?.MediaType);
        Assert.Equal("photo.jpg", downloaded.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), upload.Sha256);
        Assert.Equal(upload.Sha256, await downloaded.Content.Sha256HexAsync(timeout.Token));
    }

    [Fact]
    public async Task TwoHundredMebibyteUploadStreamsInAndDownloadsIntact()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var api = fixture.CreateApiClient();
        api.Timeout = Timeout.InfiniteTimeSpan;
        await using var body = new GeneratedStream(TwoHundredMebibytes, seed: 200);

        using var uploaded = await api.PostAsync("/upload/", Multipart.File(new StreamContent(body, 1024 * 1024), "big.bin"), timeout.Token);
        var upload = (await uploaded.Content.ReadFromJsonAsync<UploadResult>(timeout.Token))!;
        using var downloaded = await api.GetAsync($"/download/{upload.S3Key}", HttpCompletionOption.ResponseHeadersRead, timeout.Token);

        Assert.Equal(TwoHundredMebibytes, upload.Size);
        Assert.Equal(body.Sha256Hex, upload.Sha256);
        Assert.Equal(TwoHundredMebibytes, downloaded.Content.Headers.ContentLength);
        Assert.Equal(body.Sha256Hex, await downloaded.Content.Sha256HexAsync(timeout.Token));
    }

    [Fact]
    public async Task UnknownKeyIsNotFound()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var api = fixture.CreateApiClient();

        using var response = await api.GetAsync("/download/doesnotexistanywhere234567", timeout.Token);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UploadWithoutFilePartIsBadRequest()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var api = fixture.CreateApiClient();

        using var response = await api.PostAsync("/upload/", new MultipartFormDataContent { { new StringContent("x"), "note" } }, timeout.Token);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
