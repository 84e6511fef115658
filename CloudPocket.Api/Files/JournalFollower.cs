using CloudPocket.Api.Storage;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Files;

// Keeps this replica's index in step with the others: every PollInterval it reads the journal objects it has not
// seen and applies the changes of other writers (its own are applied already; a late "stored" never undoes a
// delete, FileIndex.Apply). Writers' clocks differ and a batch
// is listed only once its PUT is done, so each poll re-reads a window behind the newest object seen, skipping what it
// applied. Every SnapshotInterval with changes, it writes a snapshot and prunes what the snapshots no longer need.
public sealed partial class JournalFollower(
    ChangeJournal journal, IndexSnapshot snapshots, IndexRebuild rebuild, FileIndex index, IOptions<S3Options> options, TimeProvider clock,
    ILogger<JournalFollower> logger)
{
    public static readonly TimeSpan SkewWindow = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan JournalKeptAfterSnapshot = TimeSpan.FromHours(1);
    private readonly Dictionary<string, DateTimeOffset> _applied = new(StringComparer.Ordinal);
    private DateTimeOffset _newest;
    private DateTimeOffset _lastSnapshot;
    private volatile bool _changedSinceSnapshot;

    public async Task FollowAsync(IndexRebuild.Result rebuilt, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        _newest = rebuilt.JournalThrough is { } through ? ChangeJournal.TimeOf(through) : clock.GetUtcNow();
        _lastSnapshot = clock.GetUtcNow();
        // What the rebuild reflects (the snapshot's journal and its tail) is not applied again: replaying it now
        // would bring back a file that the listing found gone.
        foreach (var key in (await KnownAsync(rebuilt.JournalThrough, stoppingToken)).Concat(rebuilt.JournalRead))
        {
            _applied[key] = ChangeJournal.TimeOf(key);
        }

        // A start that had to read objects one by one, or a long journal tail, is worth a snapshot right away.
        _changedSinceSnapshot = rebuilt.Headed > 0 || rebuilt.FromJournal > 1000;
        if (_changedSinceSnapshot)
        {
            _lastSnapshot = DateTimeOffset.MinValue;
        }

        await Task.WhenAll(PollLoopAsync(settings, stoppingToken), ReconcileLoopAsync(settings, rebuilt.Reconciled, stoppingToken));
    }

    private async Task PollLoopAsync(S3Options settings, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.JournalPollInterval, clock);
        do
        {
            try
            {
                await PollAsync(stoppingToken);
                if (_changedSinceSnapshot && clock.GetUtcNow() - _lastSnapshot >= settings.SnapshotInterval)
                {
                    await SnapshotAsync(stoppingToken);
                }
            }
            // S3 away: the next poll tries again; the index keeps serving what it knows.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    // Beside the polls, so that a listing of millions of keys never holds up the others' changes. A start from a
    // snapshot compares at once; after that, every ReconcileInterval.
    private async Task ReconcileLoopAsync(S3Options settings, bool reconciled, CancellationToken stoppingToken)
    {
        if (reconciled)
        {
            index.MarkReconciled();
        }

        var wait = reconciled ? settings.ReconcileInterval : TimeSpan.Zero;
        while (true)
        {
            await Task.Delay(wait, clock, stoppingToken);
            try
            {
                await ReconcileAsync(stoppingToken);
                wait = settings.ReconcileInterval;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogReconcileFailed(e.Message);
                wait = TimeSpan.FromTicks(Math.Min(settings.ReconcileInterval.Ticks, settings.JournalPollInterval.Ticks * 4));
            }
        }
    }

    // The journal objects up to the snapshot's last within the window; none if S3 went away since the rebuild.
    private async Task<IEnumerable<string>> KnownAsync(string? through, CancellationToken cancellationToken)
    {
        try
        {
            return through is null
                ? []
                : (await journal.ListAfterAsync(ChangeJournal.KeyAt(_newest - SkewWindow), cancellationToken)).Where(k => string.CompareOrdinal(k, through) <= 0);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogPollFailed(e.Message);
            return [];
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        // Only objects not seen yet are read, and this replica's own are never read: their changes are applied already.
        var unseen = (await journal.ListAfterAsync(ChangeJournal.KeyAt(_newest - SkewWindow), cancellationToken))
            .Where(k => !_applied.ContainsKey(k)).ToList();
        foreach (var (_, entries) in await journal.ReadAsync([.. unseen.Where(k => !journal.IsOwn(k))], cancellationToken))
        {
            foreach (var entry in entries)
            {
                index.Apply(entry);
            }
        }

        // Marked only once read: a poll that failed half-way reads the same objects again next time.
        foreach (var key in unseen)
        {
            var time = ChangeJournal.TimeOf(key);
            _applied[key] = time;
            _newest = time > _newest ? time : _newest;
            _changedSinceSnapshot = true;
        }

        foreach (var old in _applied.Where(a => a.Value < _newest - (2 * SkewWindow)).Select(a => a.Key).ToList())
        {
            _applied.Remove(old);
        }
    }

    // A file missing from the listing is dropped only if it is older than the listing: one stored here while the
    // listing ran is simply not in it yet.
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var (found, gone, _) = await rebuild.ReconcileAsync(index.All().Select(f => f.S3Key), cancellationToken);
        foreach (var file in found)
        {
            index.Apply(JournalEntry.Stored(file));
        }

        foreach (var key in gone.Where(k => index.TryGet(k, out var file) && file.UploadedAt < started - SkewWindow))
        {
            index.Remove(key);
        }

        index.MarkReconciled();
        if (found.Count + gone.Count > 0)
        {
            _changedSinceSnapshot = true;
        }

        var seconds = (clock.GetUtcNow() - started).TotalSeconds;
        LogReconciled(found.Count, gone.Count, seconds);
    }

    private async Task SnapshotAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var through = _applied.Count > 0 ? _applied.Keys.Max(StringComparer.Ordinal) : null;
        await snapshots.WriteAsync(index.All(), through, now, cancellationToken);
        await snapshots.PruneAsync(cancellationToken);
        await journal.PruneBeforeAsync(_newest - JournalKeptAfterSnapshot, cancellationToken);
        _lastSnapshot = now;
        _changedSinceSnapshot = false;
        LogSnapshot(index.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the change journal; trying again shortly: {Reason}")]
    private partial void LogPollFailed(string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Index reconciled with the bucket listing in {Seconds:0.00} s: {Found} files found that no journal told of, {Gone} gone")]
    private partial void LogReconciled(int found, int gone, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not compare the index with the bucket listing; trying again shortly: {Reason}")]
    private partial void LogReconcileFailed(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index snapshot written: {Count} files")]
    private partial void LogSnapshot(int count);
}
