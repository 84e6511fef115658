namespace CloudPocket.Api.Storage;

// An upload whose bytes are in S3 and that S3FileStore commits as the file it describes.
internal interface IStagedUpload
{
    // Stores the file at its key, described by file (StoredObject); returns S3's ETag of the object.
    Task<string?> CommitAsync(FileRecord file, CancellationToken cancellationToken);
}
