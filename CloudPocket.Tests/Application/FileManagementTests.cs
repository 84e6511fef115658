using System.Net;
using System.Net.Http.Json;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Application;

[Collection(WholeApplication.Name)]
public class FileManagementTests(CloudPocketAppFixture fixture)
{
    [Fact]
    public async Task MetadataOfAFileIsWhatTheUploadAnswered()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = fixture.CreateApiClient();
        var upload = await api.UploadAsync([1, 2, 3, 4], "meta.txt", "text/plain", timeout.Token);

        var metadata = await api.GetFromJsonAsync<FileMetadataResult>($"/files/{upload.S3Key}", timeout.Token);

        Assert.Equal(new FileMetadataResult(upload.S3Key, upload.Filename, upload.Size, upload.ContentType, upload.Sha256, upload.UploadedAt), metadata);
    }

    [Fact]
    public async Task DeletedFileIsGoneFromDownloadMetadataAndListing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = fixture.CreateApiClient();
        var name = $"delete-me-{Guid.NewGuid():N}.txt";
        var upload = await api.UploadAsync([9], name, cancellationToken: timeout.Token);

        using var deleted = await api.DeleteAsync($"/files/{upload.S3Key}", timeout.Token);
        using var download = await api.GetAsync($"/download/{upload.S3Key}", timeout.Token);
        using var metadata = await api.GetAsync($"/files/{upload.S3Key}", timeout.Token);
        using var again = await api.DeleteAsync($"/files/{upload.S3Key}", timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await download.AssertProblemAsync(HttpStatusCode.NotFound);
        await metadata.AssertProblemAsync(HttpStatusCode.NotFound);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(name, (await api.GetFromJsonAsync<string[]>("/files/", timeout.Token))!);
    }

    [Fact]
    public async Task PagesNeitherSkipNorRepeatWhileUploadsHappenBetweenThem()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var api = fixture.CreateApiClient();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var expected = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            expected.Add((await api.UploadAsync([(byte)i], $"Paged-{tag}-{i}.txt", cancellationToken: timeout.Token)).S3Key);
        }

        var seen = new List<FileMetadataResult>();
        string? cursor = null;
        do
        {
            var page = await api.GetFromJsonAsync<FilePageResult>($"/files/page?limit=5&name=paged-{tag}&cursor={cursor}", timeout.Token);
            seen.AddRange(page!.Files);
            cursor = page.NextCursor;
            await api.UploadAsync([0], $"paged-{tag}-late.txt", cancellationToken: timeout.Token);
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(expected), seen.Select(f => f.S3Key));
        Assert.All(seen, f => Assert.Contains($"-{tag}-", f.Filename, StringComparison.Ordinal));
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.UploadedAt >= p.Second.UploadedAt));
    }

    [Fact]
    public async Task ForgedCursorOrOutOfRangeLimitIsBadRequest()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = fixture.CreateApiClient();

        using var forged = await api.GetAsync("/files/page?cursor=not-a-cursor!", timeout.Token);
        using var tooLarge = await api.GetAsync("/files/page?limit=100000", timeout.Token);

        await forged.AssertProblemAsync(HttpStatusCode.BadRequest);
        await tooLarge.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
