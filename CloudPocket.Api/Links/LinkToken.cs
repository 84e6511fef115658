using System.Security.Cryptography;
using System.Text;
using CloudPocket.Api.Storage;

namespace CloudPocket.Api.Links;

// A link's token is its id followed by its secret, each 130 random bits in the storage key alphabet. The id names
// the link's object (and is what its owner revokes it by); only the secret makes the token worth anything, and it
// is compared in constant time.
public static class LinkToken
{
    public const int Length = 2 * StorageKey.Length;

    public static (string Id, string Secret) New() => (StorageKey.New(), StorageKey.New());

    public static string Of(ShareLinkRecord link) => link.Id + link.Secret;

    /// <summary>The id in <paramref name="token"/>, or null when it is not shaped like a token.</summary>
    public static string? IdOf(string? token) =>
        token is { Length: Length } && StorageKey.IsValid(token[..StorageKey.Length]) && StorageKey.IsValid(token[StorageKey.Length..])
            ? token[..StorageKey.Length]
            : null;

    public static bool Matches(ShareLinkRecord link, string token) =>
        token.Length == Length
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token[StorageKey.Length..]), Encoding.ASCII.GetBytes(link.Secret));
}
