using System.Text.Json.Serialization;

namespace CloudPocket.Tests.Support;

// The upload answer as a client reads it off the wire: the file's metadata plus "status".
public sealed record UploadResult(
    [property: JsonPropertyName("status")] string Status,
    string S3Key,
    string Filename,
    long Size,
    string ContentType,
    string Sha256,
    DateTimeOffset UploadedAt) : FileMetadataResult(S3Key, Filename, Size, ContentType, Sha256, UploadedAt);
