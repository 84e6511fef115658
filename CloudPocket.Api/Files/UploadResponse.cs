namespace CloudPocket.Api.Files;

public sealed record UploadResponse(
    string Status,
    string S3Key,
    string Filename,
    long Size,
    string ContentType,
    string Sha256,
    DateTimeOffset UploadedAt)
{
    public static UploadResponse Uploaded(FileRecord file) =>
        new("uploaded", file.S3Key, file.Filename, file.Size, file.ContentType, file.Sha256, file.UploadedAt);
}
