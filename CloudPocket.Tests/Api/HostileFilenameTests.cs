using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CloudPocket.Tests.Api;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Api;

public static class HostileFilenameCases
{
    public static TheoryData<string> HostileNames => new()
    {
        "../../etc/passwd",
        @"..\..\win.ini",
        "/etc/passwd",
        "line\r\nbreak.txt",
        "nul\0byte.txt",
        "bell\u0007\u001b[31mred.txt",
        new string('a', 5_000) + ".txt",
        new string('b', 100_000),
        "...",
        "..",
        "innocent\"; filename=\"evil.html",
        "semi;colon;.txt",
        "<script>alert(1)</script>.html",
        "invoice\u202Efdp.exe",
        "emoji 🎉🙂.png",
        "照片 写真 사진.jpg",
        "%2e%2e%2fescaped.txt",
        string.Concat(Enumerable.Repeat("照片", 200)) + ".jpg",
        string.Concat(Enumerable.Repeat("🎉", 200)),
        new string('"', 300) + ".txt",
    };
}

public abstract class HostileFilenameTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : S3ApiFixture
{
    private readonly HttpClient _client = fixture.CreateClient();

    [Theory]
    [MemberData(nameof(HostileFilenameCases.HostileNames), MemberType = typeof(HostileFilenameCases))]
    public async Task EncodedHostileFilenameIsStoredUnderTheServersKeyWithASafeName(string name) =>
        await AssertSafelyStoredOrRejectedAsync(RawMultipart.FilePart(RawMultipart.EncodedFilename(name)));

    [Theory]
    [MemberData(nameof(HostileFilenameCases.HostileNames), MemberType = typeof(HostileFilenameCases))]
    public async Task QuotedHostileFilenameIsStoredUnderTheServersKeyWithASafeName(string name) =>
        await AssertSafelyStoredOrRejectedAsync(RawMultipart.FilePart(RawMultipart.QuotedFilename(name)));

    private async Task AssertSafelyStoredOrRejectedAsync(HttpContent body)
    {
        var before = await fixture.ListBucketKeysAsync();

        using var response = await _client.PostAsync("/upload/", body);

        if (response.StatusCode != HttpStatusCode.OK)
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(before.Order(), (await fixture.ListBucketKeysAsync()).Order());
            return;
        }

        var upload = (await response.Content.ReadFromJsonAsync<UploadResult>())!;
        AssertSafeDisplayName(upload.Filename);
        Assert.Matches("^[a-z2-7]{26}$", upload.S3Key);
        Assert.Contains(upload.Filename, (await _client.GetFromJsonAsync<string[]>("/files/"))!);

        using var download = await _client.GetAsync($"/download/{upload.S3Key}");
        var disposition = download.Content.Headers.GetValues("Content-Disposition").Single();
        Assert.DoesNotContain('\r', disposition);
        Assert.DoesNotContain('\n', disposition);
        Assert.Equal(2, disposition.Count(c => c == '"'));
        Assert.Equal(upload.Filename, download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    private static void AssertSafeDisplayName(string name)
    {
        Assert.InRange(Encoding.UTF8.GetByteCount(name), 1, 255);
        Assert.DoesNotContain('/', name);
        Assert.DoesNotContain('\\', name);
        Assert.NotEqual("..", name);
        Assert.NotEqual(".", name);
        Assert.All(name, c => Assert.False(
            char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format,
            $"U+{(int)c:X4} should have been removed"));
    }
}

public sealed class HostileFilenameTestsOnFauxqs(FilesApiFixture fixture) : HostileFilenameTests<FilesApiFixture>(fixture);

public sealed class HostileFilenameTestsOnCeph(CephApiFixture fixture) : HostileFilenameTests<CephApiFixture>(fixture);
