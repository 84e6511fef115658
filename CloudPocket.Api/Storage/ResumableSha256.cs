using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace CloudPocket.Api.Storage;

// SHA-256 (FIPS 180-4) whose intermediate state can be saved and restored, which .NET's own hashes do not allow: a
// resumable upload is hashed one request at a time, on whichever replica takes the request, and the file's SHA-256 must
// still cover every byte. The state is the eight chaining words, the byte count and the unfinished block (< 64 bytes).
// OpenSSL hashes where its libcrypto is there (OpenSslSha256), this managed code elsewhere; the saved state is the same.
public sealed class ResumableSha256
{
    private static readonly uint[] Initial = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly uint[] _h = [.. Initial];
    private readonly byte[] _pending = new byte[64];
    private readonly byte[]? _openSsl;
    private int _pendingLength;
    private long _length;

    public ResumableSha256()
        : this(OpenSslSha256.IsAvailable)
    {
    }

    internal ResumableSha256(bool openSsl)
        : this(openSsl ? OpenSslSha256.Create(Initial, 0, []) : null)
    {
    }

    private ResumableSha256(byte[]? openSsl)
    {
        _openSsl = openSsl;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_openSsl is not null)
        {
            OpenSslSha256.Append(_openSsl, data);
            return;
        }

        _length += data.Length;
        if (_pendingLength > 0)
        {
            var take = Math.Min(64 - _pendingLength, data.Length);
            data[..take].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += take;
            data = data[take..];
            if (_pendingLength < 64)
            {
                return;
            }

            Compress(_h, _pending);
            _pendingLength = 0;
        }

        var whole = data.Length & ~63;
        Compress(_h, data[..whole]);
        data[whole..].CopyTo(_pending);
        _pendingLength = data.Length - whole;
    }

    /// <summary>The hash of everything appended; the state is left as it was.</summary>
    public byte[] Finish()
    {
        if (_openSsl is not null)
        {
            return OpenSslSha256.Finish(_openSsl);
        }

        var h = (uint[])_h.Clone();
        Span<byte> last = stackalloc byte[128];
        _pending.AsSpan(0, _pendingLength).CopyTo(last);
        last[_pendingLength] = 0x80;
        var blocks = _pendingLength < 56 ? 64 : 128;
        BinaryPrimitives.WriteUInt64BigEndian(last[(blocks - 8)..], (ulong)_length * 8);
        Compress(h, last[..blocks]);
        var hash = new byte[32];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(hash.AsSpan(i * 4), h[i]);
        }

        return hash;
    }

    public State Save()
    {
        if (_openSsl is not null)
        {
            var (h, length, pending) = OpenSslSha256.Read(_openSsl);
            return new State(h, length, Convert.ToBase64String(pending));
        }

        return new State([.. _h], _length, Convert.ToBase64String(_pending, 0, _pendingLength));
    }

    public static ResumableSha256 Restore(State state) => Restore(state, OpenSslSha256.IsAvailable);

    internal static ResumableSha256 Restore(State state, bool openSsl)
    {
        var pending = Convert.FromBase64String(state.Pending);
        if (state.H is not { Length: 8 } || pending.Length >= 64 || state.Length < 0 || state.Length % 64 != pending.Length)
        {
            throw new CryptographicException("The saved SHA-256 state is not valid.");
        }

        if (openSsl)
        {
            return new ResumableSha256(OpenSslSha256.Create(state.H, state.Length, pending));
        }

        var sha = new ResumableSha256(openSsl: false) { _length = state.Length, _pendingLength = pending.Length };
        state.H.CopyTo(sha._h, 0);
        pending.CopyTo(sha._pending, 0);
        return sha;
    }

    private static void Compress(uint[] state, ReadOnlySpan<byte> blocks)
    {
        Span<uint> w = stackalloc uint[64];
        uint h0 = state[0], h1 = state[1], h2 = state[2], h3 = state[3], h4 = state[4], h5 = state[5], h6 = state[6], h7 = state[7];
        for (var offset = 0; offset < blocks.Length; offset += 64)
        {
            for (var i = 0; i < 16; i++)
            {
                w[i] = BinaryPrimitives.ReadUInt32BigEndian(blocks.Slice(offset + (i * 4), 4));
            }

            for (var i = 16; i < 64; i++)
            {
                uint w15 = w[i - 15], w2 = w[i - 2];
                var s0 = BitOperations.RotateRight(w15, 7) ^ BitOperations.RotateRight(w15, 18) ^ (w15 >> 3);
                var s1 = BitOperations.RotateRight(w2, 17) ^ BitOperations.RotateRight(w2, 19) ^ (w2 >> 10);
                w[i] = w[i - 16] + s0 + w[i - 7] + s1;
            }

            uint a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
            for (var i = 0; i < 64; i++)
            {
                var t1 = h + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25))
                    + ((e & f) ^ (~e & g)) + K[i] + w[i];
                var t2 = (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22))
                    + ((a & b) ^ (a & c) ^ (b & c));
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            h0 += a;
            h1 += b;
            h2 += c;
            h3 += d;
            h4 += e;
            h5 += f;
            h6 += g;
            h7 += h;
        }

        state[0] = h0;
        state[1] = h1;
        state[2] = h2;
        state[3] = h3;
        state[4] = h4;
        state[5] = h5;
        state[6] = h6;
        state[7] = h7;
    }

    /// <summary>What is kept between requests: chaining words, byte count, and the unfinished block as base64.</summary>
    public sealed record State(uint[] H, long Length, string Pending);
}
