using System.Buffers;

namespace CloudPocket.Api.Storage;

// Part buffers come from their own small pool. ArrayPool<byte>.Shared keeps arrays per core, so between uploads it
// holds on to more 8 MiB buffers than one upload ever uses (parts in flight + the one being filled); this pool
// keeps at most four.
internal static class PartBufferPool
{
    private const int MaxPooledPerSize = 4;

    public static ArrayPool<byte> Instance { get; } = ArrayPool<byte>.Create(16 * S3Options.MiB, MaxPooledPerSize);
}
