using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Storage;

// The change journal under .cloudpocket/journal/: how replicas learn of each other's uploads and deletes, and how a
// start catches up after the newest snapshot. Changes are batched: every FlushInterval the pending ones become one
// object, so concurrent uploads share one extra PUT instead of paying one each, and no upload waits for it. The
// journal is an accelerator, never the truth: a lost batch costs the next start a HEAD per file, never a file.
// Object keys sort by time: {unix ms, 13 digits}-{writer}-{sequence}.jsonl, one JSON entry per line.
public sealed partial class ChangeJournal(IAmazonS3 s3, IOptions<S3Options> options, TimeProvider clock, ILogger<ChangeJournal> logger)
    : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);
    private const int MaxPendingEntries = 100_000;
    private readonly Channel<JournalEntry> _pending = Channel.CreateUnbounded<JournalEntry>(new() { SingleReader = true });
    private readonly string _writer = StorageKey.New()[..8];
    private long _sequence;

    private string Bucket => options.Value.BucketName!;

    public void Record(JournalEntry entry) => _pending.Writer.TryWrite(entry);

    /// <summary>Whether this process wrote the journal object: its changes are in its own index already.</summary>
    public bool IsOwn(string key) => key.AsSpan(ReservedPrefix.Journal.Length + 13).StartsWith($"-{_writer}-", StringComparison.Ordinal);

    /// <summary>Deletes the journal's objects written before <paramref name="time"/>.</summary>
    public async Task PruneBeforeAsync(DateTimeOffset time, CancellationToken cancellationToken)
    {
        var cutoff = KeyAt(time);
        var old = await s3.ListAllAsync(new ListObjectsV2Request { BucketName = Bucket, Prefix = ReservedPrefix.Journal }, cancellationToken)
            .Select(o => o.Key).TakeWhile(k => string.CompareOrdinal(k, cutoff) < 0).ToListAsync(cancellationToken);

        foreach (var key in old)
        {
            await s3.DeleteObjectAsync(Bucket, key, cancellationToken);
        }
    }

    /// <summary>The journal's key for a time: everything written after it sorts after it.</summary>
    public static string KeyAt(DateTimeOffset time) =>
        ReservedPrefix.Journal + time.ToUnixTimeMilliseconds().ToString("D13", CultureInfo.InvariantCulture);

    /// <summary>The time a journal key was written, from its name.</summary>
    public static DateTimeOffset TimeOf(string key) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(key.AsSpan(ReservedPrefix.Journal.Length, 13), CultureInfo.InvariantCulture));

    /// <summary>The keys of the journal's objects after <paramref name="startAfter"/>, oldest first.</summary>
    public async Task<List<string>> ListAfterAsync(string? startAfter, CancellationToken cancellationToken)
    {
        var keys = await s3.ListAllAsync(new ListObjectsV2Request { BucketName = Bucket, Prefix = ReservedPrefix.Journal, StartAfter = startAfter }, cancellationToken)
            .Select(o => o.Key).Where(IsJournalKey).ToListAsync(cancellationToken);
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    /// <summary>The journal's objects after <paramref name="startAfter"/>, oldest first, each with its entries.</summary>
    public async Task<IReadOnlyList<(string Key, IReadOnlyList<JournalEntry> Entries)>> ReadAfterAsync(string? startAfter, CancellationToken cancellationToken) =>
        await ReadAsync(await ListAfterAsync(startAfter, cancellationToken), cancellationToken);

    /// <summary>The journal objects <paramref name="keys"/>, in that order, each with its entries.</summary>
    public async Task<IReadOnlyList<(string Key, IReadOnlyList<JournalEntry> Entries)>> ReadAsync(List<string> keys, CancellationToken cancellationToken)
    {
        var read = new IReadOnlyList<JournalEntry>?[keys.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => read[i] = await ReadObjectAsync(keys[i], ct));
        return [.. keys.Select((key, i) => (key, read[i]!)).Where(k => k.Item2.Count > 0)];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<JournalEntry>();
        using var timer = new PeriodicTimer(FlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // What is pending at shutdown gets one last try, briefly: the next start finds those files by listing anyway.
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await FlushAsync(batch, last.Token);
    }

    private async Task FlushAsync(List<JournalEntry> batch, CancellationToken cancellationToken)
    {
        while (batch.Count < MaxPendingEntries && _pending.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }

        if (batch.Count == 0)
        {
            return;
        }

        var key = $"{KeyAt(clock.GetUtcNow())}-{_writer}-{Interlocked.Increment(ref _sequence).ToString("D8", CultureInfo.InvariantCulture)}.jsonl";
        try
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = Serialize(batch), ContentType = "application/jsonl" },
                cancellationToken);
            batch.Clear();
        }
        // S3 down: the batch is kept for the next tick, up to a bound past which it is dropped (the listing still has the files).
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException or OperationCanceledException)
        {
            if (batch.Count >= MaxPendingEntries)
            {
                LogDropped(batch.Count, e.Message);
                batch.Clear();
            }
        }
    }

    private static string Serialize(List<JournalEntry> batch)
    {
        var text = new StringBuilder();
        foreach (var entry in batch)
        {
            text.Append(JsonSerializer.Serialize(entry, BookkeepingJson.Options)).Append('\n');
        }

        return text.ToString();
    }

    // An unreadable object (written partly by a tool, or by a newer version) holds nothing this version can apply.
    private async Task<IReadOnlyList<JournalEntry>> ReadObjectAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(Bucket, key, cancellationToken);
            using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
            var entries = new List<JournalEntry>();
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length > 0 && JsonSerializer.Deserialize<JournalEntry>(line, BookkeepingJson.Options) is { } entry && StorageKey.IsValid(entry.S3Key))
                {
                    entries.Add(entry);
                }
            }

            return entries;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static bool IsJournalKey(string key) =>
        key.Length > ReservedPrefix.Journal.Length + 13 && key.AsSpan(ReservedPrefix.Journal.Length, 13).IndexOfAnyExceptInRange('0', '9') < 0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "S3 refused the change journal for a while; {Count} entries dropped (the next start lists those files instead): {Reason}")]
    private partial void LogDropped(int count, string reason);
}
