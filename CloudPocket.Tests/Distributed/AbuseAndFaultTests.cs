using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Distributed;

[Collection(DistributedApplicationGroup.Name)]
public class AbuseAndFaultTests(CloudPocketAppFixture fixture)
{
    private const string Bucket = "cloudpocket";

    private Task<IReadOnlyList<string>> BucketKeysAsync(CancellationToken cancellationToken) =>
        BucketProbe.ListKeysAsync(fixture.App.GetEndpoint("s3"), Bucket, cancellationToken);

    [Fact]
    public async Task ClientThatTricklesItsBodyIsCutOffWithinTwentySeconds()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var client = await RawHttp.ConnectAsync(fixture.App.GetEndpoint("api"), timeout.Token);
        await client.WriteAsync(RawHttp.UploadHead(1_000_000, "slow.bin"), timeout.Token);
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
        using var api = fixture.App.CreateHttpClient("api");
        var name = $"abandoned-{Guid.NewGuid():N}.bin";
        var before = await BucketKeysAsync(timeout.Token);

        await using (var client = await RawHttp.ConnectAsync(fixture.App.GetEndpoint("api"), timeout.Token))
        {
            await client.WriteAsync(RawHttp.UploadHead(64L * 1024 * 1024, name), timeout.Token);
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

    [Fact]
    public async Task ApiKilledDuringUploadsKeepsEveryAnsweredUploadAndNoOther()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var uploads = Enumerable.Range(0, 12).Select(i => (Name: $"kill-{tag}-{i}.bin", Bytes: RandomNumberGenerator.GetBytes((i % 4) * 7 * 1024 * 1024 + 1000))).ToList();
        using var api = fixture.App.CreateHttpClient("api");
        try
        {
            var sent = uploads.Select(async u =>
            {
                try
                {
                    using var response = await api.PostAsync("/upload/", Multipart.File(u.Bytes, u.Name), timeout.Token);
                    return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<UploadResult>(timeout.Token) : null;
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            }).ToList();
            await Task.WhenAny(sent);
            Process.GetProcessById(fixture.App.GetProcessId("api")!.Value).Kill();
            var answered = (await Task.WhenAll(sent)).Zip(uploads).Where(p => p.First is not null).ToList();

            await fixture.App.StartResourceAsync("api", timeout.Token);

            using var restarted = fixture.App.CreateHttpClient("api");
            var listed = (await restarted.GetFromJsonAsync<string[]>("/files/", timeout.Token))!.Where(n => n.StartsWith($"kill-{tag}-", StringComparison.Ordinal)).Order();
            Assert.Equal(answered.Select(p => p.Second.Name).Order(), listed);
            foreach (var (result, upload) in answered)
            {
                Assert.Equal(upload.Bytes, await restarted.GetByteArrayAsync($"/download/{result!.S3Key}", timeout.Token));
            }
        }
        finally
        {
            if (fixture.App.GetState("api") != "Healthy")
            {
                await fixture.App.StartResourceAsync("api", timeout.Token);
            }
        }
    }

    [Fact]
    public async Task EveryAnswerCarriesNosniffAndNoServerHeader()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var api = fixture.App.CreateHttpClient("api");

        foreach (var path in new[] { "/health", "/alive", "/files/", "/download/nope", "/openapi/v1.json" })
        {
            using var response = await api.GetAsync(path, timeout.Token);

            Assert.False(response.Headers.Contains("Server"), path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }
}
