using System.Text;
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
    public void LongNamesAreCutToTheByteLimitKeepingTheExtension()
    {
        var name = FileNameSanitizer.Sanitize(new string('a', 5000) + ".pdf");

        Assert.Equal(FileNameSanitizer.MaxBytes, Encoding.UTF8.GetByteCount(name));
        Assert.EndsWith("a.pdf", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("照", 255)]
    [InlineData("é", 254)]
    [InlineData("🎉", 252)]
    public void NamesOfMultiByteCharactersAreCutToWholeCharactersWithinTheByteLimit(string character, int expectedBytes)
    {
        var name = FileNameSanitizer.Sanitize(string.Concat(Enumerable.Repeat(character, 300)));

        Assert.Equal(expectedBytes, Encoding.UTF8.GetByteCount(name));
        Assert.Equal(string.Concat(Enumerable.Repeat(character, expectedBytes / Encoding.UTF8.GetByteCount(character))), name);
    }

    [Fact]
    public void MultiByteNamesKeepTheirExtensionWhenCut()
    {
        var name = FileNameSanitizer.Sanitize(string.Concat(Enumerable.Repeat("🎉", 300)) + ".jpeg");

        Assert.Equal(string.Concat(Enumerable.Repeat("🎉", 62)) + ".jpeg", name);
    }

    [Fact]
    public void ANameAtTheByteLimitIsKeptWhole()
    {
        var name = string.Concat(Enumerable.Repeat("照", 84)) + "abc";

        Assert.Equal(name, FileNameSanitizer.Sanitize(name));
    }

    [Fact]
    public void LongNamesAreNeverCutInsideASurrogatePair()
    {
        var name = FileNameSanitizer.Sanitize(string.Concat(Enumerable.Repeat("🎉", 300)) + "x");

        Assert.True(Encoding.UTF8.GetByteCount(name) <= FileNameSanitizer.MaxBytes);
        Assert.False(char.IsHighSurrogate(name[^1]));
        Assert.Equal(name, FileNameSanitizer.Sanitize(name));
    }
}
