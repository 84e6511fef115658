using System.Security.Cryptography;
using System.Text;
using CloudPocket.Api.Storage;

namespace CloudPocket.Benchmarks;

// Files as the API would have recorded them, the same for a given count on every run: distinct upload times,
// names of 20-40 characters of a few everyday kinds (1% "Report …", which the name filter rows look for), their
// content types, and each object's body (its key's bytes) with its real SHA-256 and the ETag S3 gives it (MD5).
// Every string is its own instance, as the snapshot's JSON deserializer makes them: what the index really holds.
internal static class IndexRecords
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Format, string ContentType)[] Kinds =
    [
        ("IMG_2026{0:D4}_{1:D6}.jpg", "image/jpeg"),
        ("Screenshot 2026-01-14 at {0:D4}.{1:D6}.png", "image/png"),
        ("VID_{1:D6}_family_trip_{0:D4}.mp4", "video/mp4"),
        ("invoice-{1:D6}-acme-{0:D4}.pdf", "application/pdf"),
        ("Meeting notes {0:D4}-{1:D6} draft.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ];

    public static IEnumerable<FileRecord> Create(int count)
    {
#pragma warning disable CA5394, CA5351 // Benchmark data: neither security nor integrity; MD5 is what S3's ETag is.
        var random = new Random(4);
        for (var i = 0; i < count; i++)
        {
            var key = string.Create(26, random, static (chars, r) =>
            {
                for (var c = 0; c < chars.Length; c++)
                {
                    chars[c] = Alphabet[r.Next(Alphabet.Length)];
                }
            });
            var (format, contentType) = Kinds[random.Next(Kinds.Length)];
            var name = i % 100 == 0 ? $"Report {i:D7} quarterly.pdf" : string.Format(null, format, random.Next(10_000), i);
            var body = Body(key);
            yield return new FileRecord(key, name, body.Length, new string(contentType.AsSpan()), Convert.ToHexStringLower(SHA256.HashData(body)),
                Start.AddSeconds(i * 7.5), $"\"{Convert.ToHexStringLower(MD5.HashData(body))}\"");
        }
#pragma warning restore CA5394, CA5351
    }

    // What each seeded object holds: small, and different for every file.
    public static byte[] Body(string key) => Encoding.ASCII.GetBytes(key);
}
