using CloudPocket.Api.Storage;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CloudPocket.Api.Infrastructure;

namespace CloudPocket.Api.Files;

// The in-memory index: listings and lookups never touch S3. Rebuilt from the bucket at start (FileIndexLoader).
// Kept sorted newest first, so a page is a seek plus a short walk whatever the size of the index.
public sealed class FileIndex
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FileRecord> _byKey = new(StringComparer.Ordinal);
    private readonly SortedSet<FileRecord> _newestFirst = new(NewestFirst.Instance);
    private const long DeletedKeptMilliseconds = 60_000;
    private readonly Dictionary<string, long> _deleted = new(StringComparer.Ordinal);

    public int Count
    {
        get { lock (_lock) { return _byKey.Count; } }
    }

    public bool IsLoaded { get; private set; }

    // Compared with a listing of the bucket since the start; until then, from the snapshot and the journal alone.
    public bool IsReconciled { get; private set; }

    public void MarkReconciled() => IsReconciled = true;

    public void Add(FileRecord file)
    {
        lock (_lock)
        {
            if (_byKey.Remove(file.S3Key, out var previous))
            {
                _newestFirst.Remove(previous);
            }

            _byKey[file.S3Key] = file;
            _newestFirst.Add(file);
        }
    }

    public bool TryGet(string key, out FileRecord file)
    {
        lock (_lock)
        {
            return _byKey.TryGetValue(key, out file!);
        }
    }

    /// <summary>
    /// A change another replica made (ChangeJournal). Keys are never reused, so a delete is final: a journal's
    /// older "stored" that arrives after it (writers flush independently) must not bring the file back.
    /// </summary>
    public void Apply(JournalEntry entry)
    {
        if (entry.File is not { } file)
        {
            Remove(entry.S3Key);
            return;
        }

        lock (_lock)
        {
            if (!_deleted.ContainsKey(entry.S3Key))
            {
                Add(file with { S3Key = entry.S3Key });
            }
        }
    }

    /// <summary>Every entry, for a snapshot.</summary>
    public IReadOnlyCollection<FileRecord> All()
    {
        lock (_lock)
        {
            return [.. _byKey.Values];
        }
    }

    public bool Remove(string key)
    {
        lock (_lock)
        {
            RememberDeleted(key);
            return _byKey.Remove(key, out var file) && _newestFirst.Remove(file);
        }
    }

    // Long enough for any stale journal entry to have been read (JournalFollower's window), then forgotten.
    private void RememberDeleted(string key)
    {
        var now = Environment.TickCount64;
        _deleted[key] = now;
        if (_deleted.Count % 1024 == 0)
        {
            foreach (var old in _deleted.Where(d => now - d.Value > DeletedKeptMilliseconds).Select(d => d.Key).ToList())
            {
                _deleted.Remove(old);
            }
        }
    }

    // Entries uploaded while the rebuild ran are newer than what the bucket listing saw, so they win.
    public void Load(IEnumerable<FileRecord> files)
    {
        lock (_lock)
        {
            foreach (var file in files.Where(f => !_byKey.ContainsKey(f.S3Key)))
            {
                _byKey[file.S3Key] = file;
                _newestFirst.Add(file);
            }

            IsLoaded = true;
        }
    }

    // The seed's listing: every name, oldest upload first.
    public IReadOnlyList<string> Filenames()
    {
        lock (_lock)
        {
            return _newestFirst.Reverse().Select(f => f.Filename).ToList();
        }
    }

    // Entries strictly after the cursor, so uploads made between two pages neither shift nor repeat entries.
    public FilePage Page(string? cursor, int limit, string? nameContains)
    {
        var after = cursor is null ? null : DecodeCursor(cursor);
        lock (_lock)
        {
            IEnumerable<FileRecord> entries = after is null || _newestFirst.Count == 0
                ? _newestFirst
                : NewestFirst.Instance.Compare(after, _newestFirst.Max!) > 0
                    ? []
                    : _newestFirst.GetViewBetween(after, _newestFirst.Max!).SkipWhile(f => NewestFirst.Instance.Compare(f, after) == 0);
            if (!string.IsNullOrEmpty(nameContains))
            {
                entries = entries.Where(f => f.Filename.Contains(nameContains, StringComparison.OrdinalIgnoreCase));
            }

            var page = entries.Take(limit + 1).ToList();
            var next = page.Count > limit ? EncodeCursor(page[limit - 1]) : null;
            return new FilePage(page.Take(limit).Select(FileMetadata.From).ToList(), next);
        }
    }

    private static string EncodeCursor(FileRecord last) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"{last.UploadedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{last.S3Key}"));

    private static FileRecord DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var separator = text.IndexOf(':', StringComparison.Ordinal);
            var ticks = long.Parse(text.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture);
            return new FileRecord(text[(separator + 1)..], "", 0, "", "", new DateTimeOffset(ticks, TimeSpan.Zero));
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw Problems.InvalidCursor();
        }
    }

    private sealed class NewestFirst : IComparer<FileRecord>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare(FileRecord? x, FileRecord? y)
        {
            var byTime = y!.UploadedAt.CompareTo(x!.UploadedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.S3Key, y.S3Key);
        }
    }
}
