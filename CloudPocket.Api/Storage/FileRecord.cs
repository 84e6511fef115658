namespace CloudPocket.Api.Storage;

// One stored file: what its object at S3Key says of itself (StoredObject) and what the index keeps in memory.
// ETag is S3's, kept so conditional and HEAD requests are answered without asking S3.
public sealed record FileRecord(
    string S3Key,
    string Filename,
    long Size,
    string ContentType,
    string Sha256,
    DateTimeOffset UploadedAt,
    string? ETag = null);
