using System.Text.Json.Serialization;

namespace CloudPocket.Tests.Support;

public record FileMetadataResult(
    [property: JsonPropertyName("s3_key")] string S3Key,
    [property: JsonPropertyName("filename")] string Filename,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("content_type")] string ContentType,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("uploaded_at")] DateTimeOffset UploadedAt);

public sealed record FilePageResult(
    [property: JsonPropertyName("files")] IReadOnlyList<FileMetadataResult> Files,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);
