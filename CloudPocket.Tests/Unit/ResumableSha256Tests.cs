using System.Security.Cryptography;
using CloudPocket.Api.Storage;

namespace CloudPocket.Tests.Unit;

public class ResumableSha256Tests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(119)]
    [InlineData(120)]
    [InlineData(1_000_003)]
    public void ItsHashIsSha256OfEveryByte(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        var sha = new ResumableSha256();

        sha.Append(bytes);

        Assert.Equal(SHA256.HashData(bytes), sha.Finish());
    }

    [Fact]
    public void SavedAndRestoredBetweenChunksOfAnySizeItGivesTheSameHash()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var random = new Random(7);
        var sha = new ResumableSha256();
        for (var offset = 0; offset < bytes.Length;)
        {
            var count = Math.Min(random.Next(0, 5000), bytes.Length - offset);
            sha.Append(bytes.AsSpan(offset, count));
            offset += count;
            sha = ResumableSha256.Restore(sha.Save());
        }

        Assert.Equal(SHA256.HashData(bytes), sha.Finish());
    }

    [Fact]
    public void FinishingLeavesTheStateToAppendTo()
    {
        var sha = new ResumableSha256();
        sha.Append("abc"u8);

        sha.Finish();
        sha.Append("def"u8);

        Assert.Equal(SHA256.HashData("abcdef"u8), sha.Finish());
    }

    [Fact]
    public void AStateThatDoesNotAddUpIsRefused()
    {
        var saved = new ResumableSha256().Save() with { Length = 5 };

        Assert.Throws<CryptographicException>(() => ResumableSha256.Restore(saved));
    }
}
