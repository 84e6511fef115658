using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Storage;

namespace CloudPocket.Api.Tus;

// One PATCH's bytes, appended to an upload whose lock this request holds. They are cut into parts of the upload's part
// size (the tail left by the previous request first), at most MaxConcurrentPartUploads in flight: memory stays at those
// few part buffers whatever the body's size. Part numbers follow from the offset, so a request that failed leaves no
// part that the next one does not overwrite. What is left below a part's size is the new tail.
internal sealed class TusAppend(ResumableUploadStore store, TusLock held, int maxConcurrentParts) : IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrentParts);
    private readonly List<Task<ResumableUpload.Part>> _sending = [];
    private readonly ResumableSha256 _sha256 = ResumableSha256.Restore(held.Upload.Sha256);
    private byte[] _buffer = PartBufferPool.Instance.Rent(held.Upload.PartSize);

    public int Filled { get; private set; }

    public long Received { get; private set; }

    public byte[] Buffer => _buffer;

    private int PartSize => held.Upload.PartSize;

    public async Task LoadTailAsync(CancellationToken cancellationToken)
    {
        if (held.Upload.TailKey is { } tail)
        {
            Filled = await store.ReadTailAsync(tail, _buffer.AsMemory(0, PartSize), cancellationToken);
        }
    }

    public Memory<byte> GetMemory() => _buffer.AsMemory(Filled, PartSize - Filled);

    public async Task AdvanceAsync(int count, TusChecksum? checksum, CancellationToken cancellationToken)
    {
        var written = _buffer.AsSpan(Filled, count);
        _sha256.Append(written);
        checksum?.Append(written);
        Filled += count;
        Received += count;
        if (Filled == PartSize)
        {
            await SendPartAsync(cancellationToken);
        }
        else
        {
            await held.RenewIfDueAsync(cancellationToken);
        }
    }

    // The parts this request uploaded, in order; throws if one failed.
    public async Task<IReadOnlyList<ResumableUpload.Part>> PartsAsync() => await Task.WhenAll(_sending);

    public ResumableSha256 Sha256 => _sha256;

    private async Task SendPartAsync(CancellationToken cancellationToken)
    {
        if (_sending.Find(p => p.IsFaulted) is { } failed)
        {
            await failed;
        }

        // The multipart upload is started by the first full part and recorded at once, so it can always be aborted.
        if (held.Upload.UploadId is null)
        {
            await held.UpdateAsync(held.Upload with { UploadId = await store.StartPartsAsync(held.Upload, cancellationToken) }, cancellationToken);
        }
        else
        {
            await held.RenewIfDueAsync(cancellationToken);
        }

        await _slots.WaitAsync(cancellationToken);
        var number = held.Upload.Parts.Count + _sending.Count + 1;
        _sending.Add(UploadPartAsync(held.Upload, number, _buffer, cancellationToken));
        _buffer = PartBufferPool.Instance.Rent(PartSize);
        Filled = 0;
    }

    private async Task<ResumableUpload.Part> UploadPartAsync(ResumableUpload upload, int number, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await store.UploadPartAsync(upload, number, buffer, PartSize, cancellationToken);
        }
        finally
        {
            PartBufferPool.Instance.Return(buffer);
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_sending.Select(p => p.ContinueWith(static _ => { }, TaskScheduler.Default)));
        PartBufferPool.Instance.Return(_buffer);
        _slots.Dispose();
    }
}
