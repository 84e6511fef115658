namespace CloudPocket.Api.Storage;

// One share link as it is kept in the bucket, at .cloudpocket/links/{id}.json. The secret is the part of the token
// that is not the id; the password only as a salted PBKDF2 hash. A revoked link is kept (RevokedAt set), so that
// its token answers "revoked" rather than "unknown".
public sealed record ShareLinkRecord(
    string Id,
    string Secret,
    string S3Key,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    int? MaxDownloads,
    int Downloads,
    StoredPassword? Password,
    DateTimeOffset? RevokedAt = null);

// PBKDF2-HMAC-SHA512 of the password's UTF-8 bytes; salt and hash in base64, the iteration count kept with them.
public sealed record StoredPassword(string Salt, string Hash, int Iterations);
