using System.Security.Cryptography;
using CloudPocket.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CloudPocket.Tests.Api;

// Completing a multipart upload can take S3 longer than any other call (fauxqs needs seconds for 1 GiB): a slow
// completion must neither fail the upload nor, once S3 did complete it, be reported as a failure.
public abstract class SlowCompletionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : S3ApiFixture
{
    [Fact]
    public async Task AnUploadWhoseCompletionOutlastsTheRequestTimeoutSucceeds()
    {
        await using var proxy = new LateAnsweringS3Proxy(fixture.S3Endpoint,
            request => LateAnsweringS3Proxy.IsCompleteMultipartUpload(request) ? TimeSpan.FromSeconds(2.5) : TimeSpan.Zero);

        await AssertUploadSucceedsAsync(proxy, ("S3:RequestTimeoutSeconds", "1"));
    }

    [Fact]
    public async Task ACompletionThatS3FinishedButAnsweredTooLateStillStoresTheFile()
    {
        var completions = 0;
        await using var proxy = new LateAnsweringS3Proxy(fixture.S3Endpoint,
            request => LateAnsweringS3Proxy.IsCompleteMultipartUpload(request) && Interlocked.Increment(ref completions) == 1
                ? TimeSpan.FromSeconds(3)
                : TimeSpan.Zero);

        await AssertUploadSucceedsAsync(proxy, ("S3:TransferTimeoutSeconds", "1"));

        Assert.True(completions >= 2, "The first completion was expected to time out and be retried.");
    }

    private async Task AssertUploadSucceedsAsync(LateAnsweringS3Proxy proxy, (string Key, string Value) setting)
    {
        await proxy.StartAsync();
        await using var api = fixture.WithWebHostBuilder(b => b
            .UseSetting("S3:ServiceUrl", proxy.Endpoint.ToString())
            .UseSetting(setting.Key, setting.Value));
        using var client = api.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        var bytes = RandomNumberGenerator.GetBytes((2 * S3ApiFixture.PartSize) + 1234);

        var upload = await client.UploadAsync(bytes, "slow.bin");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), upload.Sha256);
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/download/{upload.S3Key}"));
        Assert.Contains("slow.bin", await client.GetStringAsync("/files/"));
    }
}

public sealed class SlowCompletionTestsOnFauxqs(FilesApiFixture fixture) : SlowCompletionTests<FilesApiFixture>(fixture);

public sealed class SlowCompletionTestsOnCeph(CephApiFixture fixture) : SlowCompletionTests<CephApiFixture>(fixture);
