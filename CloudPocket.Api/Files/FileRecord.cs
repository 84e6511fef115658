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
    // The record object this entry was read from or written to, so a delete removes exactly that object, whichever
    // format wrote it (an earlier version's records/{key}.json included).
    public string? RecordKey { get; init; }

    // True when the bytes are in the record object itself: a file that fits in one part is stored and committed
    // with a single PUT (S3FileStore.CommitAsync).
    public bool Inline { get; init; }

    // Where the bytes are.
    public string ObjectKey => Inline ? RecordKey ?? throw new InvalidOperationException($"{S3Key} has no record key.") : S3Key;
}
