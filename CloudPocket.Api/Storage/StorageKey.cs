using System.Security.Cryptography;

namespace CloudPocket.Api.Storage;

// The server's own object key: 130 random bits as 26 lowercase base32 characters (a-z, 2-7), URL-safe and
// unguessable. A client's filename never becomes a key or a path.
// One case only, no punctuation: every S3 backend then lists keys in the same order, whether it sorts by code
// unit (S3) or by locale (fauxqs), so paged listings neither skip nor repeat a key.
internal static class StorageKey
{
    internal const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    public const int Length = 26;

    public static string New()
    {
        Span<byte> random = stackalloc byte[Length];
        RandomNumberGenerator.Fill(random);
        return string.Create(Length, random.ToArray(), static (key, bytes) =>
        {
            for (var i = 0; i < key.Length; i++)
            {
                key[i] = Alphabet[bytes[i] & 31];
            }
        });
    }

    public static bool IsValid(string? key) =>
        key is { Length: Length } && key.All(c => char.IsAsciiLetterLower(c) || c is >= '2' and <= '7');
}
