using System.Buffers;
using System.Security.Cryptography;

namespace CloudPocket.Benchmarks;

// Reads a download to its end and throws the bytes away: optionally hashing them, never keeping them.
internal static class Drain
{
    private const int SmallBufferSize = 16 * 1024;

    public static async Task<(long Bytes, string Sha256)> HashAsync(Stream source, int bufferSize, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        long total = 0;
        try
        {
            while (await source.ReadAsync(buffer.AsMemory(0, bufferSize), cancellationToken) is > 0 and var read)
            {
                hash.AppendData(buffer, 0, read);
                total += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public static async Task<long> DiscardAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(SmallBufferSize);
        long total = 0;
        try
        {
            while (await source.ReadAsync(buffer.AsMemory(0, SmallBufferSize), cancellationToken) is > 0 and var read)
            {
                total += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return total;
    }
}
