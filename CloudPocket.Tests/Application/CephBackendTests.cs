using System.Net.Http.Json;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Application;

// The whole application with S3:Backend=ceph: the AppHost runs its own Ceph (mon, memstore OSD, radosgw) and the
// API against it, under DCP, with a temporary data folder.
public sealed class CephAppFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("cloudpocket-ceph-app-").FullName;
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The application is not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(CloudPocketAppFixture.StartTimeout);
        _app = await AppHostRun.StartAsync(["--S3:Backend=ceph", $"--S3:DataDirectory={_dataDirectory}"], timeout.Token);
    }

    public Task DisposeAsync() => AppHostRun.DisposeAsync(_app, _dataDirectory);
}

public class CephBackendTests(CephAppFixture fixture) : IClassFixture<CephAppFixture>
{
    // Over the API's 8 MiB part: a multipart upload, then the copy that commits it.
    private const int LargeSize = (9 * 1024 * 1024) + 17;

    [Fact]
    public void TheApiProcessIsPointedAtCephWithChecksumsOnlyWhenRequired()
    {
        var replica = ApiReplicas.Find(fixture.App.GetEndpoint("s3")).Single();

        var environment = ProcessTree.Environment(replica.ProcessId);

        Assert.Equal("cloudpocket", environment["S3__BucketName"]);
        Assert.Equal("WHEN_REQUIRED", environment["S3__RequestChecksumCalculation"]);
        Assert.Equal("WHEN_REQUIRED", environment["S3__ResponseChecksumValidation"]);
    }

    [Fact]
    public async Task UploadListDownloadKeepsTheBytesOfASmallAndAMultipartFile()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = fixture.App.CreateHttpClient("api");
        var small = RandomNumberGenerator.GetBytes(1000);
        var large = RandomNumberGenerator.GetBytes(LargeSize);

        var smallUpload = await api.UploadAsync(small, "small.bin", cancellationToken: timeout.Token);
        var largeUpload = await api.UploadAsync(large, "large.bin", cancellationToken: timeout.Token);

        var names = await api.GetFromJsonAsync<string[]>("/files/", timeout.Token);
        Assert.Contains("small.bin", names!);
        Assert.Contains("large.bin", names!);
        Assert.Equal(small, await api.GetByteArrayAsync($"/download/{smallUpload.S3Key}", timeout.Token));
        Assert.Equal(large, await api.GetByteArrayAsync($"/download/{largeUpload.S3Key}", timeout.Token));
    }

    [Fact]
    public async Task AnApiRestartKeepsTheListing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var name = $"survives-api-restart-{Guid.NewGuid():N}.txt";
        using (var api = fixture.App.CreateHttpClient("api"))
        {
            await api.UploadAsync("kept"u8.ToArray(), name, cancellationToken: timeout.Token);
        }

        await fixture.App.RestartAsync("api", timeout.Token);

        using var restarted = fixture.App.CreateHttpClient("api");
        Assert.Contains(name, (await restarted.GetFromJsonAsync<string[]>("/files/", timeout.Token))!);
    }

    [Fact]
    public async Task ACephRestartKeepsTheFiles()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var api = fixture.App.CreateHttpClient("api");
        var small = RandomNumberGenerator.GetBytes(4096);
        var large = RandomNumberGenerator.GetBytes(LargeSize);
        var smallUpload = await api.UploadAsync(small, "before-ceph-restart.bin", cancellationToken: timeout.Token);
        var largeUpload = await api.UploadAsync(large, "large-before-ceph-restart.bin", cancellationToken: timeout.Token);

        await fixture.App.RestartAsync("s3", timeout.Token);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);

        Assert.Equal(small, await api.GetByteArrayAsync($"/download/{smallUpload.S3Key}", timeout.Token));
        Assert.Equal(large, await api.GetByteArrayAsync($"/download/{largeUpload.S3Key}", timeout.Token));
        var after = await api.UploadAsync("after"u8.ToArray(), "after-ceph-restart.txt", cancellationToken: timeout.Token);
        Assert.Equal("after", await api.GetStringAsync($"/download/{after.S3Key}", timeout.Token));
    }
}
