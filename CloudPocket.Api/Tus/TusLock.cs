using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Storage;

namespace CloudPocket.Api.Tus;

// A request's hold on one upload: the state with this request's lease, written by a conditional write on the ETag it
// read. Each later write (renewal, the result) is conditional on the ETag of the previous one, so a request whose lease
// was taken over by another (it stalled past LockLease) finds out at its next write and stops: it never writes state.
internal sealed class TusLock
{
    private readonly ResumableUploadStore _store;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lease;
    private readonly string _token = StorageKey.New();
    private string _eTag;
    private DateTimeOffset _renewed;

    private TusLock(ResumableUploadStore store, TimeProvider clock, TimeSpan lease, ResumableUpload upload, string eTag)
    {
        _store = store;
        _clock = clock;
        _lease = lease;
        Upload = upload;
        _eTag = eTag;
    }

    public ResumableUpload Upload { get; private set; }

    public string Token => _token;

    public static async Task<TusLock> TakeAsync(
        ResumableUploadStore store, TimeProvider clock, TimeSpan lease, ResumableUpload upload, string eTag, CancellationToken cancellationToken)
    {
        var held = new TusLock(store, clock, lease, upload, eTag);
        try
        {
            await held.UpdateAsync(upload, cancellationToken);
        }
        catch (LostRaceException)
        {
            throw Problems.UploadLocked();
        }

        return held;
    }

    // Writes the state with the lease renewed.
    public async Task UpdateAsync(ResumableUpload upload, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var leased = upload with { Lock = new ResumableUpload.Lease(_token, now + _lease) };
        _eTag = await WriteAsync(leased, cancellationToken);
        Upload = leased;
        _renewed = now;
    }

    public Task RenewIfDueAsync(CancellationToken cancellationToken) =>
        _clock.GetUtcNow() - _renewed > _lease / 3 ? UpdateAsync(Upload, cancellationToken) : Task.CompletedTask;

    // The final write: the new state without the lease.
    public async Task ReleaseAsync(ResumableUpload upload, CancellationToken cancellationToken)
    {
        _eTag = await WriteAsync(upload with { Lock = null }, cancellationToken);
        Upload = upload with { Lock = null };
    }

    // After a failure: the state as it was, unlocked. Best effort; otherwise the lease runs out by itself.
    public async Task AbandonAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await ReleaseAsync(Upload, timeout.Token);
        }
        catch (Exception e) when (e is LostRaceException || StagedCommit.IsStorageFailure(e))
        {
        }
    }

    private async Task<string> WriteAsync(ResumableUpload upload, CancellationToken cancellationToken)
    {
        try
        {
            return await _store.WriteAsync(upload, _eTag, cancellationToken);
        }
        catch (LostRaceException) when (Upload.Lock?.Token == _token)
        {
            // Ours was taken over: this request may no longer write anything.
            throw Problems.UploadLocked();
        }
    }
}
