using System.Globalization;
using System.Security.Cryptography;
using CloudPocket.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CloudPocket.Tests.Api;

// Completing a multipart upload can take S3 longer than any other call (fauxqs needs seconds for 1 GiB): a slow
// completion must neither fail the upload nor, once S3 did complete it, be reported as a failure.
public sealed class SlowCompletionTests : IAsyncLifetime
{
    private const int PartSize = 5 * 1024 * 1024;
    private readonly string _bucket = $"cp-{Guid.NewGuid():N}"[..24];
    private S3EmulatorProcess? _emulator;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _emulator = await S3EmulatorProcess.StartAsync(_bucket, timeout.Token);
    }

    [Fact]
    public async Task AnUploadWhoseCompletionOutlastsTheRequestTimeoutSucceeds()
    {
        await using var proxy = new LateAnsweringS3Proxy(_emulator!.Endpoint,
            request => LateAnsweringS3Proxy.IsCompleteMultipartUpload(request) ? TimeSpan.FromSeconds(2.5) : TimeSpan.Zero);

        await AssertUploadSucceedsAsync(proxy, ("S3:RequestTimeoutSeconds", "1"));
    }

    [Fact]
    public async Task ACompletionThatS3FinishedButAnsweredTooLateStillStoresTheFile()
    {
        var completions = 0;
        await using var proxy = new LateAnsweringS3Proxy(_emulator!.Endpoint,
            request => LateAnsweringS3Proxy.IsCompleteMultipartUpload(request) && Interlocked.Increment(ref completions) == 1
                ? TimeSpan.FromSeconds(3)
                : TimeSpan.Zero);

        await AssertUploadSucceedsAsync(proxy, ("S3:TransferTimeoutSeconds", "1"));

        Assert.True(completions >= 2, "The first completion was expected to time out and be retried.");
    }

    private async Task AssertUploadSucceedsAsync(LateAnsweringS3Proxy proxy, (string Key, string Value) setting)
    {
        await proxy.StartAsync();
        await using var api = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("S3:BucketName", _bucket)
            .UseSetting("S3:ServiceUrl", proxy.Endpoint.ToString())
            .UseSetting("S3:ForcePathStyle", "true")
            .UseSetting("S3:PartSizeBytes", PartSize.ToString(CultureInfo.InvariantCulture))
            .UseSetting(setting.Key, setting.Value));
        using var client = api.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        var bytes = RandomNumberGenerator.GetBytes(2 * PartSize + 1234);

        var upload = await client.UploadAsync(bytes, "slow.bin");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), upload.Sha256);
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/download/{upload.S3Key}"));
        Assert.Contains("slow.bin", await client.GetStringAsync("/files/"));
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
