using CloudPocket.Api.Storage;
namespace CloudPocket.Api.Files;

// One file as the API shows it.
public record FileMetadata(
    string S3Key,
    string Filename,
    long Size,
    string ContentType,
    string Sha256,
    DateTimeOffset UploadedAt)
{
    public static FileMetadata From(FileRecord file) =>
        new(file.S3Key, file.Filename, file.Size, file.ContentType, file.Sha256, file.UploadedAt);
}
