using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Storage;

namespace CloudPocket.Api.Files;

// Finds a file by key for a read or a delete. A key the index does not know may have been stored a moment ago by
// another replica (the journal brings it within about two seconds), so the bucket decides before a 404.
// Only what this service wrote can be found, whatever else the bucket holds.
public sealed class FileLookup(FileIndex index, S3FileStore store)
{
    public async Task<FileRecord> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (!StorageKey.IsValid(key))
        {
            throw Problems.FileNotFound();
        }

        if (index.TryGet(key, out var known))
        {
            return known;
        }

        var stored = await store.ReadAsync(key, cancellationToken) ?? throw Problems.FileNotFound();
        index.Add(stored);
        return stored;
    }
}
