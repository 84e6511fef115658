using CloudPocket.Api.Storage.Legacy;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Storage;

// What the bucket holds, fast: the newest snapshot, the journal after it, then a reconciliation with a keys-only
// listing, which is the truth: a listed key the rest did not know is read with a HEAD, a known key that is not
// listed is dropped. Records of the earlier layout are converted on the way (LegacyLayout).
public sealed class IndexRebuild(S3FileStore store, IndexSnapshot snapshots, ChangeJournal journal, LegacyLayout legacy, IOptions<S3Options> options)
{
    private const int HeadConcurrency = 16;

    public sealed record Result(
        IReadOnlyCollection<FileRecord> Files, string? JournalThrough, IReadOnlyList<string> JournalRead, int FromSnapshot, int FromJournal, int Headed);

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.CreateBucketIfMissing)
        {
            await store.EnsureBucketAsync(cancellationToken);
        }

        var files = new Dictionary<string, FileRecord>(StringComparer.Ordinal);
        var snapshot = await snapshots.ReadNewestAsync(cancellationToken);
        foreach (var file in snapshot?.Files ?? [])
        {
            files[file.S3Key] = file;
        }

        var through = snapshot?.JournalThrough;
        var changes = 0;
        var read = new List<string>();
        foreach (var (key, entries) in await journal.ReadAfterAsync(through, cancellationToken))
        {
            read.Add(key);
            foreach (var entry in entries)
            {
                Apply(files, entry);
                changes++;
            }

            through = key;
        }

        var listed = await store.ListKeysAsync(cancellationToken);
        var present = listed.Where(StorageKey.IsValid).ToHashSet(StringComparer.Ordinal);
        files.Keys.Where(k => !present.Contains(k)).ToList().ForEach(k => files.Remove(k));
        var unknown = present.Where(k => !files.ContainsKey(k)).ToList();
        foreach (var file in await ReadAllAsync(unknown, cancellationToken))
        {
            files[file.S3Key] = file;
        }

        foreach (var file in await legacy.ConvertAsync(listed, cancellationToken))
        {
            files[file.S3Key] = file;
        }

        return new Result(files.Values, through, read, snapshot?.Files.Count ?? 0, changes, unknown.Count);
    }

    public static void Apply(IDictionary<string, FileRecord> files, JournalEntry entry)
    {
        if (entry.File is { } file)
        {
            files[entry.S3Key] = file with { S3Key = entry.S3Key };
        }
        else
        {
            files.Remove(entry.S3Key);
        }
    }

    private async Task<IReadOnlyList<FileRecord>> ReadAllAsync(List<string> keys, CancellationToken cancellationToken)
    {
        var read = new FileRecord?[keys.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count), new ParallelOptions { MaxDegreeOfParallelism = HeadConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => read[i] = await store.ReadAsync(keys[i], ct));
        return [.. read.OfType<FileRecord>()];
    }
}
