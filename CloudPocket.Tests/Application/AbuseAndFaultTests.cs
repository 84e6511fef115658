using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Application;

[Collection(WholeApplication.Name)]
public class AbuseAndFaultTests(CloudPocketAppFixture fixture)
{
    private const string Bucket = "cloudpocket";

    private Task<IReadOnlyList<string>> BucketKeysAsync(CancellationToken cancellationToken) =>
        BucketProbe.ListKeysAsync(fixture.S3Endpoint, Bucket, cancellationToken);

    [Fact]
    public async Task ClientThatTricklesItsBodyIsCutOffWithinTwentySeconds()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var client = await RawHttp.ConnectAsync(fixture.ApiEndpoint, timeout.Token);
        await client.WriteAsync(RawHttp.UploadHead(1_000_000, "slow.bin", fixture.ApiKey), timeout.Token);
        var clock = Stopwatch.StartNew();

        var closed = client.ReadUntilClosedAsync(timeout.Token);
        while (!closed.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(40))
        {
            try
            {
                await client.WriteAsync("x", timeout.Token);
            }
            catch (IOException)
            {
                break;
            }

            await Task.WhenAny(closed, Task.Delay(1000, timeout.Token));
        }

        var answer = await closed.WaitAsync(TimeSpan.FromSeconds(10), timeout.Token);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 4", StringComparison.Ordinal), answer);
    }

    [Fact]
    public async Task ClientThatDisconnectsMidUploadLeavesNoObjectAndNoEntry()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = fixture.CreateApiClient();
        var name = $"abandoned-{Guid.NewGuid():N}.bin";
        var before = await BucketKeysAsync(timeout.Token);

        await using (var client = await RawHttp.ConnectAsync(fixture.ApiEndpoint, timeout.Token))
        {
            await client.WriteAsync(RawHttp.UploadHead(64L * 1024 * 1024, name, fixture.ApiKey), timeout.Token);
            var chunk = RandomNumberGenerator.GetBytes(1024 * 1024);
            for (var i = 0; i < 20; i++)
            {
                await client.Stream.WriteAsync(chunk, timeout.Token);
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        Assert.DoesNotContain(name, (await api.GetFromJsonAsync<string[]>("/files/", timeout.Token))!);
        Assert.Equal(before.Order(), (await BucketKeysAsync(timeout.Token)).Order());
    }

    // The record is the commit and comes before the answer, so an upload the kill caught between the two may be
    // listed without having been answered; but every answered upload is listed, and whatever is listed is whole.
    [Fact]
    public async Task ApiKilledDuringUploadsKeepsEveryAnsweredUploadAndListsNothingPartial()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var uploads = Enumerable.Range(0, 12)
            .ToDictionary(i => $"kill-{tag}-{i}.bin", i => RandomNumberGenerator.GetBytes(((i % 4) * 7 * 1024 * 1024) + 1000));
        using var api = fixture.CreateApiClient();
        try
        {
            var sent = uploads.Select(async u =>
            {
                try
                {
                    using var response = await api.PostAsync("/upload/", Multipart.File(u.Value, u.Key), timeout.Token);
                    return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<UploadResult>(timeout.Token) : null;
                }
                catch (Exception e) when (e is HttpRequestException or IOException or System.Text.Json.JsonException)
                {
                    // The kill cut this upload, or its answer, short: it was not acknowledged.
                    return null;
                }
            }).ToList();
            await Task.WhenAny(sent);
            // SIGKILL: no shutdown code runs. The API is not this process's child, so its exit is seen through Aspire.
            using (var process = Process.GetProcessById(fixture.App.ProcessIdOf("api", "CloudPocket.Api")))
            {
                process.Kill();
            }

            var answered = (await Task.WhenAll(sent)).OfType<UploadResult>().ToList();
            await fixture.App.ResourceNotifications.WaitForResourceAsync("api", KnownResourceStates.TerminalStates, timeout.Token);
            await fixture.App.StartAsync("api", timeout.Token);

            using var restarted = fixture.CreateApiClient();
            var listed = await restarted.GetFromJsonAsync<FilePageResult>($"/files/page?limit=100&name=kill-{tag}-", timeout.Token);
            Assert.NotEmpty(answered);
            Assert.Subset(listed!.Files.Select(f => f.S3Key).ToHashSet(), answered.Select(a => a.S3Key).ToHashSet());
            foreach (var file in listed.Files)
            {
                Assert.Equal(uploads[file.Filename], await restarted.GetByteArrayAsync($"/download/{file.S3Key}", timeout.Token));
            }
        }
        finally
        {
            if (fixture.App.StateOf("api") != KnownResourceStates.Running)
            {
                await fixture.App.StartAsync("api", timeout.Token);
            }
        }
    }

    [Fact]
    public async Task EveryAnswerCarriesNosniffAndNoServerHeader()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var api = fixture.CreateApiClient();

        foreach (var path in new[] { "/health", "/alive", "/files/", "/download/nope", "/openapi/v1.json" })
        {
            using var response = await api.GetAsync(path, timeout.Token);

            Assert.False(response.Headers.Contains("Server"), path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task TheAppHostsApiWantsItsGeneratedKeyAndHealthStaysOpen()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stranger = new HttpClient { BaseAddress = fixture.ApiEndpoint };
        using var keyed = fixture.CreateApiClient();

        using var refused = await stranger.GetAsync("/files/", timeout.Token);
        using var health = await stranger.GetAsync("/health", timeout.Token);
        using var allowed = await keyed.GetAsync("/files/", timeout.Token);

        Assert.False(string.IsNullOrEmpty(fixture.ApiKey));
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
