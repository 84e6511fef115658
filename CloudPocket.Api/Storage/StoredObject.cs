using System.Globalization;
using Amazon.S3.Model;

namespace CloudPocket.Api.Storage;

// A file is one object at its S3 key that describes itself, so any S3 tool makes sense of it: Content-Type as
// uploaded, Content-Disposition: attachment with its name (a presigned GET or `aws s3 cp` saves it under that name),
// and user metadata with the original name, the SHA-256 and the upload time. An object without that metadata was
// not written by this service and is never served.
public static class StoredObject
{
    public const string FilenameMetadata = "cloudpocket-filename";
    public const string Sha256Metadata = "cloudpocket-sha256";
    public const string UploadedAtMetadata = "cloudpocket-uploaded-at";

    // S3 user metadata travels as HTTP headers: ASCII only, so the name is percent-escaped.
    public static void Describe(FileRecord file, HeadersCollection headers, MetadataCollection metadata)
    {
        headers.ContentType = file.ContentType;
        headers.ContentDisposition = ContentDisposition.Attachment(file.Filename);
        metadata[FilenameMetadata] = Uri.EscapeDataString(file.Filename);
        metadata[Sha256Metadata] = file.Sha256;
        metadata[UploadedAtMetadata] = file.UploadedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
    }

    // Null when the object is not one of ours (no or unreadable metadata).
    public static FileRecord? Read(string key, GetObjectMetadataResponse head)
    {
        var metadata = head.Metadata;
        var filename = metadata[FilenameMetadata];
        var sha256 = metadata[Sha256Metadata];
        var uploadedAt = metadata[UploadedAtMetadata];
        if (string.IsNullOrEmpty(filename) || sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigitLower)
            || !DateTimeOffset.TryParse(uploadedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return null;
        }

        return new FileRecord(key, Uri.UnescapeDataString(filename), head.ContentLength,
            head.Headers.ContentType ?? "application/octet-stream", sha256, time, ETag.Quoted(head.ETag));
    }
}
