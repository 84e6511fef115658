using CloudPocket.Api.Storage;
using CloudPocket.Api.Files;

namespace CloudPocket.Tests.Unit;

public class FileIndexTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static FileRecord File(string key, string name, int minute) =>
        new(key, name, 1, "text/plain", new string('0', 64), Start.AddMinutes(minute));

    [Fact]
    public void FilenamesAreListedInUploadOrder()
    {
        var index = new FileIndex();
        index.Add(File("k2", "second.txt", 2));
        index.Add(File("k1", "first.txt", 1));
        index.Add(File("k3", "third.txt", 3));

        Assert.Equal(["first.txt", "second.txt", "third.txt"], index.Filenames());
    }

    [Fact]
    public void LoadKeepsEntriesAddedWhileTheRebuildRan()
    {
        var index = new FileIndex();
        index.Add(File("k1", "new name.txt", 5));

        index.Load([File("k1", "old name.txt", 1), File("k2", "other.txt", 2)]);

        Assert.True(index.IsLoaded);
        Assert.True(index.TryGet("k1", out var kept));
        Assert.Equal("new name.txt", kept.Filename);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void ConcurrentAddsAreAllKept()
    {
        var index = new FileIndex();

        Parallel.For(0, 10_000, i => index.Add(File($"k{i}", $"f{i}", i)));

        Assert.Equal(10_000, index.Count);
        Assert.Equal(10_000, index.Filenames().Count);
    }

    [Fact]
    public void AJournalledStoreThatArrivesAfterItsDeleteDoesNotBringTheFileBack()
    {
        var index = new FileIndex();
        var file = File("aaaaaaaaaaaaaaaaaaaaaaaaaa", "gone.txt", 1);
        index.Add(file);

        index.Apply(JournalEntry.Deleted(file.S3Key));
        index.Apply(JournalEntry.Stored(file));
        index.Apply(JournalEntry.Stored(File("bbbbbbbbbbbbbbbbbbbbbbbbbb", "kept.txt", 2)));

        Assert.False(index.TryGet(file.S3Key, out _));
        Assert.Equal(["kept.txt"], index.Filenames());
    }

    [Fact]
    public void RemovedEntriesAreGone()
    {
        var index = new FileIndex();
        index.Add(File("k1", "a.txt", 1));

        Assert.True(index.Remove("k1"));
        Assert.False(index.TryGet("k1", out _));
        Assert.Empty(index.Filenames());
    }
}
