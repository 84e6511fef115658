using System.Net;

namespace CloudPocket.Tests.Support;

// A request body that sends its first chunk, then waits until the test opens the gate (the rest follows) or breaks it
// off (the request fails as a lost connection would): the request is provably in the middle of its body meanwhile.
public sealed class GatedContent(byte[] bytes, int firstChunk) : HttpContent
{
    private readonly TaskCompletionSource _firstChunkRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstChunkReadAsync => _firstChunkRead.Task;

    public void Open() => _open.TrySetResult();

    public void BreakOff() => _open.TrySetException(new IOException("The test broke the body off."));

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(bytes.AsMemory(0, firstChunk));
        await stream.FlushAsync();
        _firstChunkRead.TrySetResult();
        await _open.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await stream.WriteAsync(bytes.AsMemory(firstChunk));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }
}
