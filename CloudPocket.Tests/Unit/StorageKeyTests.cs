using CloudPocket.Api.Storage;

namespace CloudPocket.Tests.Unit;

public class StorageKeyTests
{
    [Fact]
    public void NewKeysAreUrlSafeAndValid()
    {
        var key = StorageKey.New();

        Assert.Equal(StorageKey.Length, key.Length);
        Assert.True(StorageKey.IsValid(key));
        Assert.Equal(key, Uri.EscapeDataString(key));
    }

    [Fact]
    public void NewKeysUseTheWholeAlphabet()
    {
        var characters = Enumerable.Range(0, 1000).SelectMany(_ => StorageKey.New()).Distinct().Count();

        Assert.Equal(32, characters);
    }

    [Fact]
    public void NewKeysDoNotRepeat()
    {
        var keys = Enumerable.Range(0, 10_000).Select(_ => StorageKey.New()).ToHashSet();

        Assert.Equal(10_000, keys.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("abc%2Fdef")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaa/a")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaa1")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaa\na")]
    public void KeysTheServerCannotHaveMadeAreInvalid(string? key) => Assert.False(StorageKey.IsValid(key));
}
