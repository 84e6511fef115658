using System.Text.Json.Serialization;

namespace CloudPocket.Tests.Support;

// The upload answer as a client reads it off the wire.
public sealed record UploadResult(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("s3_key")] string S3Key,
    [property: JsonPropertyName("filename")] string Filename,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("content_type")] string ContentType,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("uploaded_at")] DateTimeOffset UploadedAt);
