using System.Text;
using CloudPocket.Api.Files;
using CloudPocket.Api.Infrastructure;

namespace CloudPocket.Api.Tus;

// Upload-Metadata: comma-separated "key base64value" pairs. Of them the file takes `filename` and `filetype`, made safe
// exactly as a multipart upload's name and content type are; the header itself is kept to be echoed on HEAD.
public sealed record TusMetadata(string Filename, string ContentType)
{
    private const int MaxHeaderLength = 4096;

    public static TusMetadata Parse(string? header)
    {
        if (header is { Length: > MaxHeaderLength })
        {
            throw Problems.InvalidUpload($"Upload-Metadata may be at most {MaxHeaderLength} characters.");
        }

        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is < 1 or > 2 || !pairs.TryAdd(parts[0], parts.Length == 2 ? Decode(parts[1]) : ""))
            {
                throw Problems.InvalidUpload("Upload-Metadata must be comma-separated 'key base64value' pairs with distinct keys.");
            }
        }

        var filename = pairs.GetValueOrDefault("filename");
        return new TusMetadata(
            string.IsNullOrEmpty(filename) ? FileNameSanitizer.Fallback : FileNameSanitizer.Sanitize(filename),
            FileUploader.ReadContentType(pairs.GetValueOrDefault("filetype")));
    }

    private static string Decode(string value)
    {
        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var written)
            ? Encoding.UTF8.GetString(bytes, 0, written)
            : throw Problems.InvalidUpload("An Upload-Metadata value is not base64.");
    }
}
