namespace CloudPocket.Api.Files;

// What the index knows of one stored file, and what the record object in S3 holds.
// ETag is S3's, kept so conditional and HEAD requests are answered without asking S3.
public sealed record FileRecord(
    string S3Key,
    string Filename,
    long Size,
    string ContentType,
    string Sha256,
    DateTimeOffset UploadedAt,
    string? ETag = null);
