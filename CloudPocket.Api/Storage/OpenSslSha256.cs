using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace CloudPocket.Api.Storage;

// OpenSSL's SHA256_CTX, the struct its SHA256_Init/Update/Final work on: a public, stable layout (openssl/sha.h) of
// the eight chaining words, the bit count (Nl, Nh), the unfinished block as raw bytes and its length, all 32-bit words
// in native order. Unlike .NET's hashes it can be read and written, so the state of a resumable upload's SHA-256 is
// saved and restored while OpenSSL hashes at its own speed (SHA extensions; about ten times the managed compression
// here). On Linux .NET itself uses this libcrypto; where it is not there, ResumableSha256 hashes in managed code.
internal static class OpenSslSha256
{
    public const int ContextSize = 112;
    private const string Library = "libcrypto.so.3";
    private const int NlOffset = 32;
    private const int DataOffset = 40;
    private const int NumOffset = 104;

    public static bool IsAvailable { get; } = Probe();

    public static byte[] Create(ReadOnlySpan<uint> h, long length, ReadOnlySpan<byte> pending)
    {
        var context = new byte[ContextSize];
        _ = SHA256_Init(ref context[0]);
        for (var i = 0; i < 8; i++)
        {
            Word(context, i * 4) = h[i];
        }

        var bits = (ulong)length * 8;
        Word(context, NlOffset) = (uint)bits;
        Word(context, NlOffset + 4) = (uint)(bits >> 32);
        pending.CopyTo(context.AsSpan(DataOffset));
        Word(context, NumOffset) = (uint)pending.Length;
        return context;
    }

    public static (uint[] H, long Length, byte[] Pending) Read(byte[] context)
    {
        var h = new uint[8];
        for (var i = 0; i < 8; i++)
        {
            h[i] = Word(context, i * 4);
        }

        var bits = ((ulong)Word(context, NlOffset + 4) << 32) | Word(context, NlOffset);
        return (h, (long)(bits / 8), context.AsSpan(DataOffset, (int)Word(context, NumOffset)).ToArray());
    }

    public static void Append(byte[] context, ReadOnlySpan<byte> data)
    {
        if (!data.IsEmpty)
        {
            _ = SHA256_Update(ref context[0], ref MemoryMarshal.GetReference(data), (nuint)data.Length);
        }
    }

    public static byte[] Finish(byte[] context)
    {
        var copy = (byte[])context.Clone();
        var hash = new byte[32];
        _ = SHA256_Final(ref hash[0], ref copy[0]);
        return hash;
    }

    private static ref uint Word(byte[] context, int offset) => ref MemoryMarshal.Cast<byte, uint>(context.AsSpan(offset, 4))[0];

    // The library may be missing (not Linux) or built without these functions; either way the managed code hashes.
    private static bool Probe()
    {
        try
        {
            var context = Create([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19], 0, []);
            Append(context, "abc"u8);
            return BinaryPrimitives.ReadUInt32BigEndian(Finish(context)) == 0xba7816bf;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SHA256_Init(ref byte context);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SHA256_Update(ref byte context, ref byte data, nuint length);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SHA256_Final(ref byte hash, ref byte context);
}
