namespace CloudPocket.Api.Storage;

public sealed record StoredObject(string ETag, string Sha256);
