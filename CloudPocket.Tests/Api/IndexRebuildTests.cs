using System.Net;
using System.Net.Http.Json;
using Amazon.S3.Model;
using CloudPocket.Api.Storage;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Api;

public abstract class IndexRebuildTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : S3ApiFixture
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
        await Poll.UntilHealthyAsync(second, timeout.Token);

        Assert.Contains("kept.txt", (await second.GetFromJsonAsync<string[]>("/files/", timeout.Token))!);
        Assert.Equal("persisted", await second.GetStringAsync($"/download/{upload.S3Key}", timeout.Token));
    }

    [Fact]
    public async Task ALongNonAsciiNameSurvivesARebuildExactly()
    {
        // 255 UTF-8 bytes of 1-, 2-, 3- and 4-byte characters, with quotes: the most the sanitizer keeps.
        var name = "Überweisung \"final\" " + string.Concat(Enumerable.Repeat("照片🎉", 22)) + "照片xy" + "é.pdf";
        Assert.Equal(255, System.Text.Encoding.UTF8.GetByteCount(name));
        using var first = fixture.CreateClient();
        using var uploaded = await first.PostAsync("/upload/", RawMultipart.FilePart(RawMultipart.EncodedFilename(name), "long name"));
        var upload = (await uploaded.Content.ReadFromJsonAsync<UploadResult>())!;
        Assert.Equal(name, upload.Filename);

        await using var restarted = fixture.WithWebHostBuilder(_ => { });
        using var second = restarted.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Poll.UntilHealthyAsync(second, timeout.Token);

        var expected = new FileMetadataResult(upload.S3Key, name, upload.Size, upload.ContentType, upload.Sha256, upload.UploadedAt);
        Assert.Equal(expected, await second.GetFromJsonAsync<FileMetadataResult>($"/files/{upload.S3Key}", timeout.Token));
        using var download = await second.GetAsync($"/download/{upload.S3Key}", timeout.Token);
        Assert.Equal(name, download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task ARecordWrittenByThePreviousVersionIsListedServedAndDeletedAfterARebuild()
    {
        var key = StorageKey.New();
        await fixture.S3.PutObjectAsync(new PutObjectRequest { BucketName = fixture.Bucket, Key = key, ContentBody = "from before" });
        await fixture.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = fixture.Bucket,
            Key = $"records/{key}.json",
            ContentType = "application/json",
            ContentBody = $$"""
                {"s3_key":"{{key}}","filename":"legacy \u00e9.txt","size":11,"content_type":"text/plain",
                 "sha256":"{{new string('a', 64)}}","uploaded_at":"2026-01-02T03:04:05.6789012+00:00"}
                """,
        });

        await using var restarted = fixture.WithWebHostBuilder(_ => { });
        using var api = restarted.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Poll.UntilHealthyAsync(api, timeout.Token);

        // The bucket has a snapshot, so the record is converted by the comparison with the listing after the start.
        await Poll.UntilAsync(async () => (await api.GetFromJsonAsync<string[]>("/files/", timeout.Token))!.Contains("legacy é.txt"), timeout.Token);
        Assert.Equal("from before", await api.GetStringAsync($"/download/{key}", timeout.Token));
        using var deleted = await api.DeleteAsync($"/files/{key}", timeout.Token);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain((await fixture.ListBucketKeysAsync()), k => k.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASmallAndAMultipartFileKeepTheirBytesAndETagsAcrossARebuild()
    {
        using var first = fixture.CreateClient();
        var small = await first.UploadAsync("small and inline"u8.ToArray(), "small.txt", "text/plain");
        var largeBytes = new byte[S3ApiFixture.PartSize + 123];
        Random.Shared.NextBytes(largeBytes);
        var large = await first.UploadAsync(largeBytes, "large.bin");
        var eTags = new[] { await ETagAsync(first, small.S3Key, default), await ETagAsync(first, large.S3Key, default) };

        await using var restarted = fixture.WithWebHostBuilder(_ => { });
        using var second = restarted.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Poll.UntilHealthyAsync(second, timeout.Token);

        Assert.Equal(eTags, new[] { await ETagAsync(second, small.S3Key, timeout.Token), await ETagAsync(second, large.S3Key, timeout.Token) });
        Assert.Equal("small and inline", await second.GetStringAsync($"/download/{small.S3Key}", timeout.Token));
        Assert.Equal(largeBytes, await second.GetByteArrayAsync($"/download/{large.S3Key}", timeout.Token));
        using var notModified = new HttpRequestMessage(HttpMethod.Get, $"/download/{small.S3Key}") { Headers = { { "If-None-Match", eTags[0] } } };
        Assert.Equal(HttpStatusCode.NotModified, (await second.SendAsync(notModified, timeout.Token)).StatusCode);
    }

    private static async Task<string> ETagAsync(HttpClient api, string key, CancellationToken cancellationToken)
    {
        using var head = await api.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/download/{key}"), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        return head.Headers.ETag!.ToString();
    }
}

public sealed class IndexRebuildTestsOnFauxqs(FilesApiFixture fixture) : IndexRebuildTests<FilesApiFixture>(fixture);

public sealed class IndexRebuildTestsOnCeph(CephApiFixture fixture) : IndexRebuildTests<CephApiFixture>(fixture);
