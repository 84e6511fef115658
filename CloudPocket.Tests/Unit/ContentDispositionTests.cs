using CloudPocket.Api.Storage;
using Microsoft.Net.Http.Headers;

namespace CloudPocket.Tests.Unit;

public class ContentDispositionTests
{
    private static ContentDispositionHeaderValue Parse(string filename) =>
        ContentDispositionHeaderValue.Parse(ContentDisposition.Attachment(filename));

    [Fact]
    public void AsciiNameAppearsInBothForms() =>
        Assert.Equal("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf", ContentDisposition.Attachment("report.pdf"));

    [Fact]
    public void NonAsciiNameGetsAnAsciiFallbackAndAnExactUtf8Form() =>
        Assert.Equal("attachment; filename=\"cafe _.txt\"; filename*=UTF-8''caf%C3%A9%20%F0%9F%8E%89.txt",
            ContentDisposition.Attachment("café 🎉.txt"));

    [Theory]
    [InlineData("résumé.txt", "resume.txt")]
    [InlineData("Ärger über Öl.pdf", "Arger uber Ol.pdf")]
    [InlineData("naïve café.md", "naive cafe.md")]
    [InlineData("Straße.txt", "Strasse.txt")]
    [InlineData("Ærø Łódź.txt", "AEro Lodz.txt")]
    [InlineData("ﬁnal ｆｕｌｌ ２.txt", "final full 2.txt")]
    [InlineData("e\u0301te\u0301.txt", "ete.txt")]
    public void AccentedLettersKeepTheirLetterInTheAsciiNameAndTheUtf8FormKeepsTheExactName(string name, string ascii)
    {
        var parsed = Parse(name);

        Assert.Equal(ascii, parsed.FileName.Value!.Trim('"'));
        Assert.Equal(name, parsed.FileNameStar.Value);
    }

    [Theory]
    [InlineData("照片 사진.png", "__ __.png")]
    [InlineData("🎉❤️👨‍👩‍👧 party.gif", "___ party.gif")]
    [InlineData("½ price.txt", "_ price.txt")]
    public void EachCharacterWithoutAnAsciiFormBecomesOneUnderscore(string name, string ascii) =>
        Assert.Equal(ascii, Parse(name).FileName.Value!.Trim('"'));

    [Fact]
    public void ALoneSurrogateBecomesOneUnderscore() =>
        Assert.Equal("bad_name.txt", Parse("bad\uD800name.txt").FileName.Value!.Trim('"'));

    [Fact]
    public void QuotesAndBackslashesCannotEndTheQuotedName()
    {
        var parsed = Parse("innocent\"; filename=\"evil.html\\");

        Assert.Equal("innocent_; filename=_evil.html_", parsed.FileName.Value!.Trim('"'));
        Assert.Equal("innocent\"; filename=\"evil.html\\", parsed.FileNameStar.Value);
    }

    [Fact]
    public void FullWidthQuotesBackslashesAndPercentsDecomposeButCannotEndTheQuotedName()
    {
        const string name = "innocent＂; filename=＂evil.html＼ 100％";

        var header = ContentDisposition.Attachment(name);
        var parsed = ContentDispositionHeaderValue.Parse(header);

        Assert.Equal(2, header.Count(c => c == '"'));
        Assert.Equal("innocent_; filename=_evil.html_ 100_", parsed.FileName.Value!.Trim('"'));
        Assert.Equal(name, parsed.FileNameStar.Value);
    }

    [Fact]
    public void ParsedUtf8FormGivesBackTheExactName()
    {
        const string name = "照片 (1) 'final' 100%.png";

        var parsed = Parse(name);

        Assert.Equal(name, parsed.FileNameStar.Value);
        Assert.True(parsed.DispositionType.Equals("attachment"));
    }
}
