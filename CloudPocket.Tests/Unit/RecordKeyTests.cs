using System.Text;
using CloudPocket.Api.Files;
using CloudPocket.Api.Storage;
using CloudPocket.Api.Storage.Legacy;

namespace CloudPocket.Tests.Unit;

public class RecordKeyTests
{
    private const string Key = "abcdefghijklmnopqrstuvwxyz";
    private const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static readonly DateTimeOffset UploadedAt = new(2026, 11, 26, 13, 54, 6, 123, TimeSpan.Zero);

    public static TheoryData<string> LongestFilenames => new()
    {
        FileNameSanitizer.Sanitize(string.Concat(Enumerable.Repeat("照", 300))),
        FileNameSanitizer.Sanitize(string.Concat(Enumerable.Repeat("🎉", 300))),
        FileNameSanitizer.Sanitize("abc" + string.Concat(Enumerable.Repeat("🎉", 300))),
        FileNameSanitizer.Sanitize(new string('"', 300)),
        FileNameSanitizer.Sanitize(string.Concat(Enumerable.Repeat("é\"🙂照", 100)) + ".tar.gz"),
    };

    public static TheoryData<string> ForeignKeys => new()
    {
        "records/x.json",
        $"records/{Key}.json",
        $"records/{Key}",
        $"records/{Key}/",
        $"records/{Key}x/{Payload()}",
        $"records/ABCDEFGHIJKLMNOPQRSTUVWXYZ/{Payload()}",
        $"other/{Key}/{Payload()}",
        $"records/{Key}/{Payload()}/",
        $"records/{Key}//{Payload()}",
        $"records/{Key}/{Payload()}AAAA",
        $"records/{Key}/{Payload()[..^4]}",
        $"records/{Key}/!{Payload()[1..]}",
        $"records/{Key}/_{Payload()[1..]}",
        $"records/{Key}/{new string('A', 201)}",
    };

    [Fact]
    public void ARecordIsStoredUnderItsKeyAndReadBackExactly()
    {
        var file = Record("report \"final\" é 🎉.pdf", 12_345, "application/pdf", "\"0123456789abcdef0123456789abcdef\"");

        var key = RecordKey.Format(file, inline: false);

        Assert.StartsWith($"records/{Key}/", key, StringComparison.Ordinal);
        Assert.True(RecordKey.TryParse(key, out var parsed));
        Assert.Equal(new LegacyRecord(file, key, Inline: false), parsed);
    }

    [Fact]
    public void ARecordWithoutETagKeepsNone()
    {
        var key = RecordKey.Format(Record("a.txt", 0, "text/plain", eTag: null), inline: false);

        Assert.True(RecordKey.TryParse(key, out var parsed));
        Assert.Null(parsed.File.ETag);
    }

    [Fact]
    public void ARecordHoldingTheBytesItselfReadsBackAsInline()
    {
        var file = Record("small.txt", 4096, "text/plain", eTag: null);

        var key = RecordKey.Format(file, inline: true);

        Assert.True(RecordKey.TryParse(key, out var parsed));
        Assert.True(parsed.Inline);
        Assert.Equal(key, parsed.RecordKey);
        Assert.False(RecordKey.TryParse(RecordKey.Format(file, inline: false), out var other) && other.Inline);
    }

    [Fact]
    public void TheUploadTimeKeepsItsTicks()
    {
        var file = Record("a.txt", 1, "text/plain") with { UploadedAt = new DateTimeOffset(638_999_999_999_999_999, TimeSpan.FromHours(2)) };

        Assert.True(RecordKey.TryParse(RecordKey.Format(file, inline: false), out var parsed));
        Assert.Equal(file.UploadedAt.UtcTicks, parsed.File.UploadedAt.UtcTicks);
    }

    [Theory]
    [MemberData(nameof(LongestFilenames))]
    public void TheLargestPossibleRecordFitsInAnS3KeyAndReadsBackExactly(string filename)
    {
        var contentType = "application/" + new string('x', 255 - "application/".Length);
        var multipartETag = "\"0123456789abcdef0123456789abcdef-10000\"";
        var file = Record(filename, long.MaxValue, contentType, multipartETag) with { UploadedAt = DateTimeOffset.MaxValue };

        var key = RecordKey.Format(file, inline: false);

        Assert.InRange(Encoding.UTF8.GetByteCount(filename), 252, FileNameSanitizer.MaxBytes);
        Assert.Equal(255, Encoding.UTF8.GetByteCount(contentType));
        Assert.InRange(Encoding.UTF8.GetByteCount(key), 1, RecordKey.MaxKeyBytes);
        Assert.All(key.Split('/'), segment => Assert.InRange(segment.Length, 1, RecordKey.MaxSegmentLength));
        Assert.True(RecordKey.TryParse(key, out var parsed));
        Assert.Equal(file, parsed.File);
    }

    [Fact]
    public void ARecordTooLargeForAnS3KeyIsRefusedRatherThanWritten()
    {
        var file = Record(new string('a', 255), 1, "text/plain", new string('e', 600));

        Assert.Throws<ArgumentException>(() => RecordKey.Format(file, inline: false));
    }

    [Theory]
    [MemberData(nameof(ForeignKeys))]
    public void KeysThisServiceDidNotWriteAreNotRecords(string key) =>
        Assert.False(RecordKey.TryParse(key, out _));

    private static string Payload() => RecordKey.Format(Record("a.txt", 1, "text/plain"), inline: false)[$"records/{Key}/".Length..];

    private static FileRecord Record(string filename, long size, string contentType, string? eTag = "\"etag\"") =>
        new(Key, filename, size, contentType, Sha256, UploadedAt, eTag);
}
