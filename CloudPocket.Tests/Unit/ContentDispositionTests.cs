using CloudPocket.Api.Files;

namespace CloudPocket.Tests.Unit;

public class ContentDispositionTests
{
    [Fact]
    public void AsciiNameAppearsInBothForms() =>
        Assert.Equal("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf", ContentDisposition.Attachment("report.pdf"));

    [Fact]
    public void NonAsciiNameGetsAnAsciiFallbackAndAnExactUtf8Form() =>
        Assert.Equal("attachment; filename=\"caf_ _.txt\"; filename*=UTF-8''caf%C3%A9%20%F0%9F%8E%89.txt",
            ContentDisposition.Attachment("café 🎉.txt"));

    [Fact]
    public void QuotesAndBackslashesCannotEndTheQuotedName()
    {
        var header = ContentDisposition.Attachment("innocent\"; filename=\"evil.html\\");
        var parsed = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.Parse(header);

        Assert.Equal("innocent_; filename=_evil.html_", parsed.FileName.Value!.Trim('"'));
        Assert.Equal("innocent\"; filename=\"evil.html\\", parsed.FileNameStar.Value);
    }

    [Fact]
    public void ParsedUtf8FormGivesBackTheExactName()
    {
        const string name = "照片 (1) 'final' 100%.png";

        var parsed = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.Parse(ContentDisposition.Attachment(name));

        Assert.Equal(name, parsed.FileNameStar.Value);
        Assert.True(parsed.DispositionType.Equals("attachment"));
    }
}
