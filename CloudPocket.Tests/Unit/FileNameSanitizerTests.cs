using CloudPocket.Api.Files;

namespace CloudPocket.Tests.Unit;

public class FileNameSanitizerTests
{
    [Theory]
    [InlineData("photo.jpg", "photo.jpg")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData(@"..\..\win.ini", "win.ini")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("a\r\nb\0c\u0007.txt", "abc.txt")]
    [InlineData("evil\u202Egpj.exe", "evilgpj.exe")]
    [InlineData("zero\u200Bwidth.txt", "zerowidth.txt")]
    [InlineData("  spaced.txt  ", "spaced.txt")]
    [InlineData("...", FileNameSanitizer.Fallback)]
    [InlineData("dir/", FileNameSanitizer.Fallback)]
    [InlineData("\u202E", FileNameSanitizer.Fallback)]
    [InlineData("照片 🎉.png", "照片 🎉.png")]
    [InlineData("innocent\"; filename=\"evil.html", "innocent\"; filename=\"evil.html")]
    public void SanitizeKeepsOnlyTheDisplayableLastSegment(string raw, string expected) =>
        Assert.Equal(expected, FileNameSanitizer.Sanitize(raw));

    [Fact]
    public void SanitizeComposesDecomposedCharacters() =>
        Assert.Equal("caf\u00E9.txt", FileNameSanitizer.Sanitize("cafe\u0301.txt"));

    [Fact]
    public void LongNamesAreCutToTheLimitKeepingTheExtension()
    {
        var name = FileNameSanitizer.Sanitize(new string('a', 5000) + ".pdf");

        Assert.Equal(FileNameSanitizer.MaxLength, name.Length);
        Assert.EndsWith("a.pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public void LongNamesAreNeverCutInsideASurrogatePair()
    {
        var name = FileNameSanitizer.Sanitize(string.Concat(Enumerable.Repeat("🎉", 300)));

        Assert.True(name.Length <= FileNameSanitizer.MaxLength);
        Assert.False(char.IsHighSurrogate(name[^1]));
        Assert.Equal(name, FileNameSanitizer.Sanitize(name));
    }
}
