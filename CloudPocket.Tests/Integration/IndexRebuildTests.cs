using System.Net.Http.Json;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Integration;

public class IndexRebuildTests(FilesApiFixture fixture) : IClassFixture<FilesApiFixture>
{
    [Fact]
    public async Task ANewInstanceListsAndServesWhatAnEarlierOneStored()
    {
        using var first = fixture.CreateClient();
        using var uploaded = await first.PostAsync("/upload/", Multipart.File("persisted"u8.ToArray(), "kept.txt", "text/plain"));
        var upload = (await uploaded.Content.ReadFromJsonAsync<UploadResult>())!;

        await using var restarted = fixture.WithWebHostBuilder(_ => { });
        using var second = restarted.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await second.GetAsync("/health", timeout.Token)).StatusCode != System.Net.HttpStatusCode.OK)
        {
            await Task.Delay(100, timeout.Token);
        }

        Assert.Contains("kept.txt", (await second.GetFromJsonAsync<string[]>("/files/", timeout.Token))!);
        Assert.Equal("persisted", await second.GetStringAsync($"/download/{upload.S3Key}", timeout.Token));
    }
}
