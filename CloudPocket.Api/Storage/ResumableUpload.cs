using System.Text.Json.Serialization;

namespace CloudPocket.Api.Storage;

// The state of one resumable upload, kept as a small JSON object under .cloudpocket/tus/{id}/ so that any replica,
// after any restart, can take its next request. Bytes below Offset are either in Parts of the multipart upload
// (UploadId, at .cloudpocket/tus/{id}/data) or in the tail object (TailKey), which holds what is left below a part's size;
// Sha256 covers all of them. A request that works on the upload holds Lock until it writes the state back.
public sealed record ResumableUpload(
    string Id,
    string S3Key,
    long Length,
    long Offset,
    string Filename,
    string ContentType,
    string? Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    int PartSize,
    string? UploadId,
    IReadOnlyList<ResumableUpload.Part> Parts,
    string? TailKey,
    ResumableSha256.State Sha256,
    ResumableUpload.Lease? Lock = null,
    DateTimeOffset? CompletedAt = null)
{
    [JsonIgnore]
    public bool IsCompleted => CompletedAt is not null;

    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;

    public bool IsLocked(DateTimeOffset now) => Lock is { } held && held.Until > now;

    public sealed record Part(int Number, string ETag, long Size);

    // Who works on the upload, until when; a holder that dies lets go when Until has passed.
    public sealed record Lease(string Token, DateTimeOffset Until);
}
