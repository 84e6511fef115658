using System.Net;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Application;

// tus-js-client (npm, in Node) against the whole application: a 50 MiB upload in 8 MiB PATCHes is aborted at about
// half and resumed by a second client from the upload's URL, as a page reload or a lost connection would have it.
[Collection(WholeApplication.Name)]
public class TusClientTests(CloudPocketAppFixture fixture)
{
    private const int FileSize = 50 * 1024 * 1024;

    [Fact]
    public async Task AnUploadAbortedAtHalfResumesAndTheFileDownloadsWithTheSameSha256()
    {
        await AbortResumeAndVerifyAsync("tus-resumed.bin", betweenHalves: _ => Task.CompletedTask);
    }

    [Fact]
    public async Task AnUploadResumesAfterTheApiWasRestartedBetweenItsHalves()
    {
        await AbortResumeAndVerifyAsync("tus-restarted.bin", betweenHalves: ct => fixture.App.RestartAsync("api", ct));
    }

    private async Task AbortResumeAndVerifyAsync(string name, Func<CancellationToken, Task> betweenHalves)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var (path, sha256) = await TusJsClient.RandomFileAsync(FileSize, name);
        var endpoint = new Uri(fixture.ApiEndpoint, "/tus/");
        try
        {
            var first = await TusJsClient.RunAsync([endpoint], path, timeout.Token, abortAt: 0.5, apiKey: fixture.ApiKey);
            await betweenHalves(timeout.Token);
            using var api = fixture.CreateApiClient();
            var resumedAt = await api.OffsetAsync(new Uri(first.Aborted!).AbsolutePath, timeout.Token);
            var second = await TusJsClient.RunAsync([endpoint], path, timeout.Token, uploadUrl: first.Aborted, apiKey: fixture.ApiKey);

            Assert.InRange(resumedAt, 1, FileSize - 1);
            Assert.StartsWith("HEAD", second.Requests[0], StringComparison.Ordinal);
            Assert.Equal(first.Aborted, second.Url);
            using var download = await api.GetAsync($"/download/{second.S3Key}", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(sha256, await download.Content.Sha256HexAsync(timeout.Token));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
