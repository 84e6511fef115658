using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Application;

// Three API replicas on one bucket, each reached at its own address: what one stores or deletes, all see.
public sealed class ReplicaTests(ReplicasFixture fixture) : IClassFixture<ReplicasFixture>
{
    // The README's bound: the journal is flushed every 200 ms and read every 500 ms; the rest is slack for load.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);
    private IReadOnlyList<HttpClient> Replicas => fixture.Replicas;

    [Fact]
    public async Task HundredUploadsSpreadOverThreeReplicasAreListedOnEveryReplicaWithinTheBound()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var tag = Guid.NewGuid().ToString("N")[..8];

        var uploads = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Replicas[i % Replicas.Count].UploadAsync([(byte)i], $"spread-{tag}-{i}.txt", cancellationToken: timeout.Token)));
        var clock = Stopwatch.StartNew();
        var expected = uploads.Select(u => u.S3Key).Order().ToList();
        await Poll.UntilAsync(async () =>
        {
            foreach (var replica in Replicas)
            {
                var page = await replica.GetFromJsonAsync<FilePageResult>($"/files/page?limit=1000&name=spread-{tag}-", timeout.Token);
                if (!page!.Files.Select(f => f.S3Key).Order().SequenceEqual(expected))
                {
                    return false;
                }
            }

            return true;
        }, timeout.Token);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Bound);
    }

    [Fact]
    public async Task AFileDeletedOnOneReplicaIsNotFoundOnAllWithinTheBound()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var upload = await Replicas[0].UploadAsync("short-lived"u8.ToArray(), "short-lived.txt", cancellationToken: timeout.Token);
        await Poll.UntilAsync(async () => await StatusesAsync($"/files/{upload.S3Key}", timeout.Token) is var all && all.All(s => s == HttpStatusCode.OK), timeout.Token);

        using var deleted = await Replicas[1].DeleteAsync($"/files/{upload.S3Key}", timeout.Token);
        var clock = Stopwatch.StartNew();
        await Poll.UntilAsync(async () => (await StatusesAsync($"/files/{upload.S3Key}", timeout.Token)).All(s => s == HttpStatusCode.NotFound), timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Bound);
        Assert.All(await StatusesAsync($"/download/{upload.S3Key}", timeout.Token), s => Assert.Equal(HttpStatusCode.NotFound, s));
    }

    [Fact]
    public async Task AShareLinkMadeOnOneReplicaOpensOnTheOthersCountsAcrossThemAndIsRevokedOnAllAtOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var bytes = "shared across replicas"u8.ToArray();
        var upload = await Replicas[0].UploadAsync(bytes, "across.txt", cancellationToken: timeout.Token);
        async Task<LinkResult> LinkAsync(object body)
        {
            using var created = await Replicas[0].PostAsJsonAsync($"/files/{upload.S3Key}/links", body, timeout.Token);
            return (await created.Content.ReadFromJsonAsync<LinkResult>(timeout.Token))!;
        }

        var limited = (await LinkAsync(new { max_downloads = 2 })).Url.AbsolutePath;
        var revoked = await LinkAsync(new { });

        Assert.Equal(bytes, await Replicas[1].GetByteArrayAsync(limited + "/download", timeout.Token));
        Assert.Equal(bytes, await Replicas[2].GetByteArrayAsync(limited + "/download", timeout.Token));
        using var third = await Replicas[0].GetAsync(limited + "/download", timeout.Token);
        await third.AssertProblemAsync(HttpStatusCode.Gone);

        using var revoke = await Replicas[2].DeleteAsync($"/links/{revoked.Id}", timeout.Token);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.All(await StatusesAsync(revoked.Url.AbsolutePath + "/download", timeout.Token), s => Assert.Equal(HttpStatusCode.Gone, s));
    }

    [Fact]
    public async Task AFileStoredOnOneReplicaDownloadsFromAnotherAtOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var upload = await Replicas[0].UploadAsync("at once"u8.ToArray(), "at-once.txt", cancellationToken: timeout.Token);

        Assert.Equal("at once", await Replicas[1].GetStringAsync($"/download/{upload.S3Key}", timeout.Token));
        Assert.Equal(HttpStatusCode.OK, (await Replicas[2].GetAsync($"/files/{upload.S3Key}", timeout.Token)).StatusCode);
    }

    [Fact]
    public async Task AReplicaKilledMidTrafficLosesNoAcknowledgedUploadAndCatchesUpWhenStartedAgain()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var victim = fixture.Running[0];
        var api = fixture.ClientFor(victim);
        try
        {
            var sent = Enumerable.Range(0, 40).Select(async i =>
            {
                try
                {
                    return await api.UploadAsync([(byte)i, 7], $"killed-{tag}-{i}.bin", cancellationToken: timeout.Token);
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or Xunit.Sdk.XunitException)
                {
                    return null; // cut short by the kill: not acknowledged
                }
            }).ToList();
            await Task.WhenAny(sent);
            // SIGKILL: whatever the replica had not yet written to the journal is gone with it.
            using (var process = Process.GetProcessById(victim.ProcessId))
            {
                process.Kill();
            }

            var acknowledged = (await Task.WhenAll(sent)).OfType<UploadResult>().ToList();
            var survivors = fixture.Running.Where(r => r.ProcessId != victim.ProcessId).Select(fixture.ClientFor).ToList();
            foreach (var upload in acknowledged)
            {
                foreach (var survivor in survivors)
                {
                    Assert.Equal(upload.Size, (await survivor.GetByteArrayAsync($"/download/{upload.S3Key}", timeout.Token)).Length);
                }
            }

            await fixture.StartStoppedAsync(timeout.Token);
            var restarted = fixture.Running.Single(r => survivors.All(s => s.BaseAddress != r.Address));
            var listed = await fixture.ClientFor(restarted).GetFromJsonAsync<FilePageResult>($"/files/page?limit=100&name=killed-{tag}-", timeout.Token);
            Assert.NotEmpty(acknowledged);
            Assert.Subset(listed!.Files.Select(f => f.S3Key).ToHashSet(), acknowledged.Select(a => a.S3Key).ToHashSet());
        }
        finally
        {
            await fixture.StartStoppedAsync(timeout.Token);
        }
    }

    private async Task<HttpStatusCode[]> StatusesAsync(string path, CancellationToken cancellationToken) =>
        await Task.WhenAll(Replicas.Select(async r =>
        {
            using var response = await r.GetAsync(path, cancellationToken);
            return response.StatusCode;
        }));

    // tus-js-client sends each of its requests to the next replica in turn: every PATCH lands on another replica than
    // the one before it, across an abort at about half and the resume, and the file is whole.
    [Fact]
    public async Task ATusUploadWhoseEveryPatchGoesToAnotherReplicaResumesAndIsWholeOnEveryReplica()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (path, sha256) = await TusJsClient.RandomFileAsync(50 * 1024 * 1024, $"tus-{tag}.bin");
        var endpoints = fixture.Running.Select(r => new Uri(r.Address, "/tus/")).ToList();
        try
        {
            var first = await TusJsClient.RunAsync(endpoints, path, timeout.Token, abortAt: 0.5, apiKey: fixture.ApiKey);
            var second = await TusJsClient.RunAsync(endpoints, path, timeout.Token, uploadUrl: first.Aborted, apiKey: fixture.ApiKey);

            var patches = new[] { first, second }.Select(run => run.Requests.Where(r => r.StartsWith("PATCH", StringComparison.Ordinal)).ToList()).ToList();
            Assert.True(patches.Sum(p => p.Count) >= 6, string.Join(", ", patches.SelectMany(p => p)));
            Assert.All(patches.SelectMany(run => run.Zip(run.Skip(1))), pair => Assert.NotEqual(pair.First, pair.Second));
            Assert.Equal(endpoints.Count, patches.SelectMany(p => p).Distinct().Count());
            await Poll.UntilAsync(async () =>
            {
                foreach (var replica in Replicas)
                {
                    var page = await replica.GetFromJsonAsync<FilePageResult>($"/files/page?name=tus-{tag}", timeout.Token);
                    if (page!.Files.SingleOrDefault()?.S3Key != second.S3Key)
                    {
                        return false;
                    }
                }

                return true;
            }, timeout.Token);
            foreach (var replica in Replicas)
            {
                using var download = await replica.GetAsync($"/download/{second.S3Key}", timeout.Token);
                Assert.Equal(sha256, await download.Content.Sha256HexAsync(timeout.Token));
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
