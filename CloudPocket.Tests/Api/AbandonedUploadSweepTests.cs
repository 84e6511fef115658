using Amazon.S3.Model;
using CloudPocket.Api.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudPocket.Tests.Api;

public abstract class AbandonedUploadSweepTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : S3ApiFixture
{
    // A listing of uploads in a bucket of more than 1,000 objects: fauxqs answers it with an object listing that stays
    // "truncated", a real server with no uploads. Either way the sweep ends, having found nothing to abort.
    [Fact]
    public async Task SweepEndsOnABucketOfMoreThanAThousandObjects()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Parallel.ForEachAsync(Enumerable.Range(0, 1100), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = timeout.Token },
            async (i, ct) => await fixture.S3.PutObjectAsync(new PutObjectRequest { BucketName = fixture.Bucket, Key = $"filler/{i:D5}", ContentBody = "x" }, ct));
        var sweeper = fixture.Services.GetServices<IHostedService>().OfType<AbandonedUploadSweeper>().Single();

        var aborted = await sweeper.SweepAsync(fixture.Services.GetRequiredService<IOptions<S3Options>>().Value, timeout.Token);

        Assert.Equal(0, aborted);
    }

    [Fact]
    public async Task AStagedUploadOlderThanTheAgeIsDeletedAndAFreshOneKept()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var old = ReservedPrefix.Uploads + StorageKey.New();
        var fresh = ReservedPrefix.Uploads + StorageKey.New();
        await fixture.S3.PutObjectAsync(new PutObjectRequest { BucketName = fixture.Bucket, Key = old, ContentBody = "left by a kill" }, timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        await fixture.S3.PutObjectAsync(new PutObjectRequest { BucketName = fixture.Bucket, Key = fresh, ContentBody = "in progress" }, timeout.Token);
        var sweeper = fixture.Services.GetServices<IHostedService>().OfType<AbandonedUploadSweeper>().Single();
        var settings = fixture.Services.GetRequiredService<IOptions<S3Options>>().Value;

        await sweeper.SweepAsync(new S3Options { BucketName = settings.BucketName, AbandonedUploadAge = TimeSpan.FromSeconds(1) }, timeout.Token);

        var left = (await fixture.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = fixture.Bucket, Prefix = ReservedPrefix.Uploads }, timeout.Token))
            .S3Objects?.Select(o => o.Key) ?? [];
        Assert.Equal([fresh], left);
    }
}

public sealed class AbandonedUploadSweepTestsOnFauxqs(FilesApiFixture fixture) : AbandonedUploadSweepTests<FilesApiFixture>(fixture);

public sealed class AbandonedUploadSweepTestsOnCeph(CephApiFixture fixture) : AbandonedUploadSweepTests<CephApiFixture>(fixture);
