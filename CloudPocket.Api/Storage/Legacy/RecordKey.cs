using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CloudPocket.Api.Storage.Legacy;

// The layout before files became one self-describing object each, read only to convert such buckets (LegacyLayout).
// The record object's key carries the whole record: records/{key}/{payload}, the payload being base64url (no padding) of the fields below, cut into
// '/'-separated segments of at most 200 characters (fauxqs' file persistence and other tools map each segment
// to a file name, and file names are limited to 255 bytes). The object's body is empty.
//
// The fields are a small binary layout rather than JSON: JSON escapes '"' and '\' to two bytes and
// System.Text.Json escapes every character outside the BMP (emoji) to twelve (\uXXXX\uXXXX), even with
// UnsafeRelaxedJsonEscaping, so a 255-byte filename could take 756 bytes before base64 — over the whole budget.
// Layout, version 1: version byte, flags byte (bit 0: the bytes are in the record object itself, FileRecord.Inline),
// size (int64 LE), SHA-256 (32 raw bytes), upload time (UTC ticks, int64 LE), then filename, content type and ETag as
// length-prefixed UTF-8 (7-bit encoded length; an empty ETag is none: an inline record's ETag is the object's own).
//
// Worst case, within S3's 1024-byte key limit: a 255-byte filename (FileNameSanitizer), a 255-byte content type
// (FileUploader) and a 40-character multipart ETag make 605 bytes, 807 base64url characters in 5 segments:
// 8 + 26 + 1 + 807 + 4 = 846 bytes (RecordKeyTests).
/// <summary>A record of the earlier layout: the file, the record object's key, and whether the bytes are in it.</summary>
public sealed record LegacyRecord(FileRecord File, string RecordKey, bool Inline);

public static class RecordKey
{
    public const string Prefix = "records/";
    public const int MaxSegmentLength = 200;
    public const int MaxKeyBytes = 1024;
    private const byte Version = 1;
    private const byte InlineFlag = 1;
    private const int Sha256Bytes = 32;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Format(FileRecord file, bool inline)
    {
        var payload = Base64Url.EncodeToString(Serialize(file, inline));
        var key = new StringBuilder(Prefix.Length + StorageKey.Length + 1 + payload.Length + (payload.Length / MaxSegmentLength))
            .Append(Prefix).Append(file.S3Key);
        for (var start = 0; start < payload.Length; start += MaxSegmentLength)
        {
            key.Append('/').Append(payload.AsSpan(start, Math.Min(MaxSegmentLength, payload.Length - start)));
        }

        // The sanitizer and the content-type cap keep every upload within the limit; this is for anything else
        // (an S3-compatible backend's unusually long ETag), which S3 would refuse with a less telling error.
        var result = key.ToString();
        return Encoding.UTF8.GetByteCount(result) <= MaxKeyBytes
            ? result
            : throw new ArgumentException($"The record of {file.S3Key} does not fit in a {MaxKeyBytes}-byte S3 key.", nameof(file));
    }

    // False for anything this service did not write in this format: other objects under records/ are not ours.
    public static bool TryParse(string key, [MaybeNullWhen(false)] out LegacyRecord record)
    {
        record = null!;
        var s3Key = key.Length > Prefix.Length + StorageKey.Length && key.StartsWith(Prefix, StringComparison.Ordinal)
            ? key.Substring(Prefix.Length, StorageKey.Length)
            : null;
        var payload = s3Key is null ? null : Payload(key.AsSpan(Prefix.Length + StorageKey.Length));
        if (!StorageKey.IsValid(s3Key) || payload is null)
        {
            return false;
        }

        try
        {
            var (file, inline) = Deserialize(s3Key!, Base64Url.DecodeFromChars(payload));
            record = new LegacyRecord(file, key, inline);
            return true;
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or ArgumentException or InvalidDataException)
        {
            return false;
        }
    }

    // "/seg/seg/…" back to one base64url string; null unless every segment is 1 to 200 characters.
    private static string? Payload(ReadOnlySpan<char> segments)
    {
        if (segments.IsEmpty || segments[0] != '/')
        {
            return null;
        }

        var payload = new StringBuilder(segments.Length);
        foreach (var range in segments[1..].Split('/'))
        {
            var segment = segments[1..][range];
            if (segment.IsEmpty || segment.Length > MaxSegmentLength)
            {
                return null;
            }

            payload.Append(segment);
        }

        return payload.ToString();
    }

    private static byte[] Serialize(FileRecord file, bool inline)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, StrictUtf8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(inline ? InlineFlag : (byte)0);
            writer.Write(file.Size);
            writer.Write(Convert.FromHexString(file.Sha256));
            writer.Write(file.UploadedAt.UtcTicks);
            writer.Write(file.Filename);
            writer.Write(file.ContentType);
            writer.Write(file.ETag ?? "");
        }

        return bytes.ToArray();
    }

    private static (FileRecord File, bool Inline) Deserialize(string s3Key, byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), StrictUtf8);
        if (reader.ReadByte() != Version)
        {
            throw new InvalidDataException("Unknown record version.");
        }

        var flags = reader.ReadByte();
        var size = reader.ReadInt64();
        var sha256 = Convert.ToHexStringLower(reader.ReadBytes(Sha256Bytes));
        var uploadedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var filename = reader.ReadString();
        var contentType = reader.ReadString();
        var eTag = reader.ReadString();
        return reader.BaseStream.Position == payload.Length && sha256.Length == Sha256Bytes * 2 && flags <= InlineFlag
            ? (new FileRecord(s3Key, filename, size, contentType, sha256, uploadedAt, eTag.Length == 0 ? null : eTag), flags == InlineFlag)
            : throw new InvalidDataException("The record is truncated or has trailing bytes.");
    }
}
