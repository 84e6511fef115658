namespace CloudPocket.Api.Files;

// What the index knows of one stored file, and what its record in S3 holds (Storage/RecordKey).
// ETag is S3's, kept so conditional and HEAD requests are answered without asking S3.
public sealed record FileRecord(
    string S3Key,
    string Filename,
    long Size,
    string ContentType,
    string Sha256,
    DateTimeOffset UploadedAt,
    string? ETag = null)
{
    // The record object this entry was read from, so a delete removes exactly that object, whichever format
    // wrote it (an earlier version's records/{key}.json included). Null for an upload of this process: its
    // record key is RecordKey.Format of the entry.
    public string? RecordKey { get; init; }
}
