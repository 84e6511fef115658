namespace CloudPocket.Api.Files;

// What the index knows of one stored file; also what the upload answers and what the record object in S3 holds.
public sealed record FileRecord(
    string S3Key,
    string Filename,
    long Size,
    string ContentType,
    string Sha256,
    DateTimeOffset UploadedAt);
