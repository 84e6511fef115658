namespace CloudPocket.Tests.Support;

// A request body that hands out its first bytes and then waits forever: an upload caught mid-way, for as long as
// the test needs it to be (until the token given to the read is cancelled or the server goes away).
public sealed class StallingStream(long bytesBeforeStall) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= bytesBeforeStall)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var count = (int)Math.Min(buffer.Length, bytesBeforeStall - _position);
        buffer.Span[..count].Fill((byte)'s');
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
