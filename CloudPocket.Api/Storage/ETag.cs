namespace CloudPocket.Api.Storage;

// S3 answers ETags quoted ("…"), as HTTP has them; some S3-compatible servers answer a CopyObject's bare, or an empty
// one. Every ETag the service keeps goes through here: quoted, or null when there is none (the file's SHA-256 then
// stands in for it).
internal static class ETag
{
    public static string? Quoted(string? eTag) => eTag switch
    {
        null or "" or "\"\"" => null,
        ['"', .., '"'] => eTag,
        _ => $"\"{eTag.Trim('"')}\"",
    };
}
