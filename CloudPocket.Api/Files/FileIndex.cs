using System.Collections.Concurrent;

namespace CloudPocket.Api.Files;

// The in-memory index: listing and lookups never touch S3. Rebuilt from the bucket at start (FileIndexLoader).
public sealed class FileIndex
{
    private readonly ConcurrentDictionary<string, FileRecord> _files = new(StringComparer.Ordinal);

    public int Count => _files.Count;

    public bool IsLoaded { get; private set; }

    public void Add(FileRecord file) => _files[file.S3Key] = file;

    public bool TryGet(string key, out FileRecord file) => _files.TryGetValue(key, out file!);

    public bool Remove(string key) => _files.TryRemove(key, out _);

    // Entries uploaded while the rebuild ran are newer than what the bucket listing saw, so they win.
    public void Load(IEnumerable<FileRecord> files)
    {
        foreach (var file in files)
        {
            _files.TryAdd(file.S3Key, file);
        }

        IsLoaded = true;
    }

    public IReadOnlyList<string> Filenames() =>
        _files.Values.OrderBy(f => f.UploadedAt).ThenBy(f => f.S3Key, StringComparer.Ordinal).Select(f => f.Filename).ToList();
}
