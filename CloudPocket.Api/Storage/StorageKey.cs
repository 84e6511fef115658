using System.Buffers.Text;
using System.Security.Cryptography;

namespace CloudPocket.Api.Storage;

// The server's own object key: 128 random bits, base64url, so it is URL-safe and unguessable.
// A client's filename never becomes a key or a path.
internal static class StorageKey
{
    private const int RandomBytes = 16;
    public const int Length = 22;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    public static bool IsValid(string? key) =>
        key is { Length: Length } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
