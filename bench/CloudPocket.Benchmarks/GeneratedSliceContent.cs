using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace CloudPocket.Benchmarks;

// The payload's bytes from one offset for one length, as a tus PATCH body (application/offset+octet-stream).
internal sealed class GeneratedSliceContent : HttpContent
{
    private const int ChunkSize = 256 * 1024;
    private readonly long _offset;
    private readonly long _length;

    public GeneratedSliceContent(long offset, long length)
    {
        _offset = offset;
        _length = length;
        Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            for (long sent = 0; sent < _length;)
            {
                var count = (int)Math.Min(ChunkSize, _length - sent);
                Payload.Fill(buffer.AsSpan(0, count), _offset + sent);
                await stream.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
                sent += count;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
