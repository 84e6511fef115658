using System.Globalization;
using System.Net;
using Amazon.S3.Model;
using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Storage;
using CloudPocket.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudPocket.Tests.Api;

// What only a real S3 server shows: Ceph RGW lists unfinished multipart uploads, and refuses requests it cannot
// verify instead of storing them anyway.
public class RgwTests(CephApiFixture fixture) : IClassFixture<CephApiFixture>
{
    [Theory]
    [InlineData(100)]
    [InlineData(S3ApiFixture.PartSize + 1)]
    public async Task AnUploadTheServerRefusesIsABadGatewayProblemThatStoresNothing(int size)
    {
        // The SDK's default checksums (aws-chunked with a CRC32 trailer), which this RGW does not support.
        await using var misconfigured = fixture.WithWebHostBuilder(b => b.UseSetting("S3:RequestChecksumCalculation", "WHEN_SUPPORTED"));
        using var api = misconfigured.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var before = await fixture.ListBucketKeysAsync();

        using var response = await api.PostAsync("/upload/", Multipart.File(new byte[size], "refused.bin"), timeout.Token);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadGateway);
        Assert.Equal(Problems.StorageRejectedTitle, problem.Title);
        Assert.False(response.Headers.Contains("Retry-After"));
        Assert.Equal(before.Order(), (await fixture.ListBucketKeysAsync()).Order());
        Assert.Empty(await fixture.ListUnfinishedUploadsAsync());
    }

    [Fact]
    public async Task AnUploadWhoseProcessWasKilledMidWayLeavesAMultipartUploadThatTheSweepAborts()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var port = Loopback.FreePort();
        var api = ApiProcess.Start(new Dictionary<string, string>
        {
            ["S3__BucketName"] = fixture.Bucket,
            ["S3__ServiceUrl"] = fixture.S3Endpoint.ToString(),
            ["S3__ForcePathStyle"] = "true",
            ["S3__PartSizeBytes"] = S3ApiFixture.PartSize.ToString(CultureInfo.InvariantCulture),
            ["S3__RequestChecksumCalculation"] = "WHEN_REQUIRED",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        });
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Timeout.InfiniteTimeSpan };
            await Poll.UntilAsync(() => IsHealthyAsync(client, timeout.Token), timeout.Token);
            using var stalled = new CancellationTokenSource();
            // One whole part and then nothing: the API has started a multipart upload and sent its first part.
            var upload = client.PostAsync("/upload/", Multipart.File(new StreamContent(new StallingStream(S3ApiFixture.PartSize + 1)), "killed.bin"), stalled.Token);
            (string Key, string UploadId, int Parts) unfinished = default;
            await Poll.UntilAsync(async () =>
            {
                unfinished = (await PartsOfUnfinishedUploadsAsync(timeout.Token)).FirstOrDefault(u => u.Parts > 0);
                return unfinished.Parts > 0;
            }, timeout.Token);

            api.Kill();
            await api.WaitForExitAsync(timeout.Token);
            await stalled.CancelAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => upload);

            Assert.StartsWith(ReservedPrefix.Uploads, unfinished.Key, StringComparison.Ordinal);
            Assert.Contains(unfinished, await PartsOfUnfinishedUploadsAsync(timeout.Token));
            // S3 states the upload's start in whole seconds: an age of a second is past it only a second later.
            await Task.Delay(TimeSpan.FromSeconds(1.5), timeout.Token);
            var sweeper = fixture.Services.GetServices<IHostedService>().OfType<AbandonedUploadSweeper>().Single();

            var aborted = await sweeper.SweepAsync(new S3Options { BucketName = fixture.Bucket, AbandonedUploadAge = TimeSpan.FromSeconds(1) }, timeout.Token);

            Assert.Equal(1, aborted);
            Assert.Empty(await PartsOfUnfinishedUploadsAsync(timeout.Token));
        }
        finally
        {
            if (!api.HasExited)
            {
                api.Kill();
            }

            api.Dispose();
        }
    }

    // The API process answers nothing until it listens.
    private static async Task<bool> IsHealthyAsync(HttpClient api, CancellationToken cancellationToken)
    {
        try
        {
            using var health = await api.GetAsync("/health", cancellationToken);
            return health.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<(string Key, string UploadId, int Parts)>> PartsOfUnfinishedUploadsAsync(CancellationToken cancellationToken)
    {
        var listing = await fixture.S3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = fixture.Bucket }, cancellationToken);
        var uploads = new List<(string, string, int)>();
        foreach (var upload in listing.MultipartUploads ?? [])
        {
            var parts = await fixture.S3.ListPartsAsync(new ListPartsRequest { BucketName = fixture.Bucket, Key = upload.Key, UploadId = upload.UploadId }, cancellationToken);
            uploads.Add((upload.Key, upload.UploadId, parts.Parts?.Count ?? 0));
        }

        return uploads;
    }
}
