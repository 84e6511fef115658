namespace CloudPocket.Api.Storage;

// One change to the set of files: a file stored (File set) or a file deleted (only S3Key set).
public sealed record JournalEntry(string S3Key, FileRecord? File)
{
    public static JournalEntry Stored(FileRecord file) => new(file.S3Key, file);

    public static JournalEntry Deleted(string key) => new(key, null);
}
