using System.Security.Cryptography;
using CloudPocket.Api.Storage;

namespace CloudPocket.Tests.Unit;

// Both implementations (OpenSSL's SHA256_CTX and the managed one) against .NET's SHA-256, and each other's saved state.
public class ResumableSha256Tests
{
    public static TheoryData<int, bool> Lengths()
    {
        var data = new TheoryData<int, bool>();
        foreach (var length in new[] { 0, 1, 55, 56, 63, 64, 65, 119, 120, 1_000_003 })
        {
            data.Add(length, true);
            data.Add(length, false);
        }

        return data;
    }

    [Fact]
    public void OnLinuxOpenSslDoesTheHashing()
    {
        Assert.Equal(OperatingSystem.IsLinux(), OpenSslSha256.IsAvailable);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ItsHashIsSha256OfEveryByte(int length, bool openSsl)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        var sha = new ResumableSha256(openSsl);

        sha.Append(bytes);

        Assert.Equal(SHA256.HashData(bytes), sha.Finish());
    }

    [Fact]
    public void SavedAndRestoredBetweenChunksOfAnySizeAndByEitherImplementationItGivesTheSameHash()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var random = new Random(7);
        var sha = new ResumableSha256();
        var openSsl = true;
        for (var offset = 0; offset < bytes.Length;)
        {
            var count = Math.Min(random.Next(0, 5000), bytes.Length - offset);
            sha.Append(bytes.AsSpan(offset, count));
            offset += count;
            openSsl = !openSsl;
            sha = ResumableSha256.Restore(sha.Save(), openSsl);
        }

        Assert.Equal(SHA256.HashData(bytes), sha.Finish());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FinishingLeavesTheStateToAppendTo(bool openSsl)
    {
        var sha = new ResumableSha256(openSsl);
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
