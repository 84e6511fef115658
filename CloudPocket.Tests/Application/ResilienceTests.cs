using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Application;

[Collection(WholeApplication.Name)]
public class ResilienceTests(CloudPocketAppFixture fixture)
{
    private static async Task<UploadResult> UploadAsync(HttpClient api, string name, CancellationToken cancellationToken)
    {
        using var response = await api.PostAsync("/upload/", Multipart.File(System.Text.Encoding.UTF8.GetBytes(name), name, "text/plain"), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UploadResult>(cancellationToken))!;
    }

    [Fact]
    public async Task EmulatorOutageAnswers503ThenTheSameApiRecoversWithEarlierFilesIntact()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var api = fixture.CreateApiClient();
        var before = await UploadAsync(api, "before-outage.txt", timeout.Token);
        try
        {
            await fixture.App.StopAsync("s3", timeout.Token);

            var clock = Stopwatch.StartNew();
            using var during = await api.PostAsync("/upload/", Multipart.File([1, 2, 3], "during-outage.txt"), timeout.Token);
            clock.Stop();

            var problem = await during.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
            Assert.Contains("S3", problem.Detail, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.App.StartAsync("s3", timeout.Token);
        }

        var after = await UploadAsync(api, "after-outage.txt", timeout.Token);

        Assert.Equal("before-outage.txt", await api.GetStringAsync($"/download/{before.S3Key}", timeout.Token));
        Assert.Equal("after-outage.txt", await api.GetStringAsync($"/download/{after.S3Key}", timeout.Token));
        Assert.DoesNotContain("during-outage.txt", (await api.GetFromJsonAsync<string[]>("/files/", timeout.Token))!);
    }

    [Fact]
    public async Task ApiRestartKeepsTheListing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var name = $"survives-restart-{Guid.NewGuid():N}.txt";
        using (var api = fixture.CreateApiClient())
        {
            await UploadAsync(api, name, timeout.Token);
        }

        await fixture.App.RestartAsync("api", timeout.Token);

        using var restarted = fixture.CreateApiClient();
        Assert.Contains(name, (await restarted.GetFromJsonAsync<string[]>("/files/", timeout.Token))!);
    }
}
