using System.Security.Cryptography;
using CloudPocket.Api.Infrastructure;

namespace CloudPocket.Api.Tus;

// Upload-Checksum: "algorithm base64digest" of one request's body (the checksum extension), sha1 or sha256.
public sealed class TusChecksum : IDisposable
{
    private readonly IncrementalHash _hash;
    private readonly byte[] _expected;

    private TusChecksum(HashAlgorithmName algorithm, byte[] expected)
    {
        _hash = IncrementalHash.CreateHash(algorithm);
        _expected = expected;
    }

    public static TusChecksum? Parse(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var parts = header.Split(' ', 2, StringSplitOptions.TrimEntries);
        var algorithm = parts[0] switch
        {
            "sha1" => HashAlgorithmName.SHA1,
            "sha256" => HashAlgorithmName.SHA256,
            _ => throw Problems.InvalidUpload($"Upload-Checksum's algorithm must be one of {TusHeaders.ChecksumAlgorithms}."),
        };
        var expected = new byte[64];
        return parts.Length == 2 && Convert.TryFromBase64String(parts[1], expected, out var written)
            ? new TusChecksum(algorithm, expected[..written])
            : throw Problems.InvalidUpload("Upload-Checksum must be 'algorithm base64digest'.");
    }

    public void Append(ReadOnlySpan<byte> data) => _hash.AppendData(data);

    public bool Matches() => CryptographicOperations.FixedTimeEquals(_hash.GetHashAndReset(), _expected);

    public void Dispose() => _hash.Dispose();
}
