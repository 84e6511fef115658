using System.Security.Cryptography;

namespace CloudPocket.Benchmarks;

// The bytes of every benchmark file, generated on the fly from their offset: no file is ever held in memory and
// its SHA-256 is known before the upload, so the client spends no CPU hashing while it is timed.
internal static class Payload
{
    private const int BlockSize = 1024 * 1024;
    private static readonly byte[] Block = CreateBlock();
    private static readonly Dictionary<long, string> Hashes = [];

    public static void Fill(Span<byte> destination, long offset)
    {
        while (!destination.IsEmpty)
        {
            var inBlock = (int)(offset % BlockSize);
            var count = Math.Min(destination.Length, BlockSize - inBlock);
            Block.AsSpan(inBlock, count).CopyTo(destination);

            // Each MiB gets its number stamped into its first 8 bytes, so no two parts of a file are the same.
            var blockNumber = offset / BlockSize;
            for (var i = inBlock; i < Math.Min(sizeof(long), inBlock + count); i++)
            {
                destination[i - inBlock] ^= (byte)(blockNumber >> (8 * i));
            }

            destination = destination[count..];
            offset += count;
        }
    }

    // Computed once per size, outside any timed section.
    public static string Sha256(long size)
    {
        if (Hashes.TryGetValue(size, out var known))
        {
            return known;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BlockSize];
        for (long offset = 0; offset < size; offset += BlockSize)
        {
            var count = (int)Math.Min(BlockSize, size - offset);
            Fill(buffer.AsSpan(0, count), offset);
            hash.AppendData(buffer, 0, count);
        }

        return Hashes[size] = Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static byte[] CreateBlock()
    {
        // Fixed seed: every run sends the same bytes. Incompressible, like the photos and archives people store.
        var block = new byte[BlockSize];
#pragma warning disable CA5394 // Benchmark data, not security.
        new Random(20261126).NextBytes(block);
#pragma warning restore CA5394
        return block;
    }
}
