using System.Security.Cryptography;
using System.Text;
using CloudPocket.Api.Storage;

namespace CloudPocket.Api.Links;

// Link passwords are kept only as a slow salted hash: PBKDF2-HMAC-SHA512 with OWASP's 210,000 iterations and a
// 128-bit salt. The count is stored with each hash, so raising it later leaves older links readable.
public static class LinkPassword
{
    public const int MaxLength = 1024;
    private const int Iterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private static readonly HashAlgorithmName Algorithm = HashAlgorithmName.SHA512;

    public static StoredPassword Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, Algorithm, HashBytes);
        return new StoredPassword(Convert.ToBase64String(salt), Convert.ToBase64String(hash), Iterations);
    }

    public static bool Verify(StoredPassword stored, string password)
    {
        var expected = Convert.FromBase64String(stored.Hash);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(stored.Salt),
            stored.Iterations, Algorithm, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
