using CloudPocket.Api.Storage.Legacy;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Storage;

// What the bucket holds, fast: the newest snapshot and the journal after it. The keys-only listing is the truth (a
// listed key the rest did not know is read with a HEAD, a known key that is not listed is dropped), but it costs
// a LIST per 1,000 files: with a snapshot, the caller compares with it after the start (Reconciled = false); without
// one, the listing is the only complete source and comes first, converting records of the earlier layout on the way.
public sealed class IndexRebuild(S3FileStore store, IndexSnapshot snapshots, ChangeJournal journal, LegacyLayout legacy, IOptions<S3Options> options)
{
    private const int HeadConcurrency = 16;

    public sealed record Result(
        IReadOnlyCollection<FileRecord> Files, string? JournalThrough, IReadOnlyList<string> JournalRead, int FromSnapshot, int FromJournal, int Headed,
        bool Reconciled);

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

        if (snapshot is not null)
        {
            return new Result(files.Values, through, read, snapshot.Files.Count, changes, Headed: 0, Reconciled: false);
        }

        var listed = await store.ListKeysAsync(cancellationToken);
        var (found, gone, headed) = await CompareAsync(files.Keys, listed, cancellationToken);
        gone.ForEach(k => files.Remove(k));
        foreach (var file in found)
        {
            files[file.S3Key] = file;
        }

        return new Result(files.Values, through, read, FromSnapshot: 0, changes, headed, Reconciled: true);
    }

    /// <summary>
    /// Against a fresh keys-only listing: the files listed that <paramref name="known"/> lacks (read with a HEAD
    /// each; none of ours is left out, and records of the earlier layout are converted), and the known keys that are
    /// not listed.
    /// </summary>
    public async Task<(IReadOnlyList<FileRecord> Found, List<string> Gone, int Headed)> ReconcileAsync(
        IEnumerable<string> known, CancellationToken cancellationToken) =>
        await CompareAsync(known, await store.ListKeysAsync(cancellationToken), cancellationToken);

    private async Task<(IReadOnlyList<FileRecord> Found, List<string> Gone, int Headed)> CompareAsync(
        IEnumerable<string> known, IReadOnlyList<string> listed, CancellationToken cancellationToken)
    {
        var present = listed.Where(StorageKey.IsValid).ToHashSet(StringComparer.Ordinal);
        var knownKeys = known.ToHashSet(StringComparer.Ordinal);
        var unknown = present.Where(k => !knownKeys.Contains(k)).ToList();
        var found = (await ReadAllAsync(unknown, cancellationToken)).Concat(await legacy.ConvertAsync(listed, cancellationToken));
        return ([.. found], [.. knownKeys.Where(k => !present.Contains(k))], unknown.Count);
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
