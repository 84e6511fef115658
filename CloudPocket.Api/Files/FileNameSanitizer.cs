using System.Globalization;
using System.Text;

namespace CloudPocket.Api.Files;

// Turns a client's filename into display metadata: the last path segment, without control, format
// (bidi overrides, zero-width) or unpaired surrogate characters, NFC-normalised and limited to 255 UTF-8 bytes,
// as ext4 limits file names: a downloaded file can then be saved under its name, and the record key that carries
// the name stays within S3's 1024-byte key limit (Storage/RecordKey). It is never used as a key or a path.
public static class FileNameSanitizer
{
    public const int MaxBytes = 255;
    public const string Fallback = "file";
    private const int MaxExtensionLength = 16;

    public static string Sanitize(string name)
    {
        var lastSegment = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var cleaned = new StringBuilder(Math.Min(lastSegment.Length, MaxBytes * 2));
        foreach (var rune in EnumerateRunes(lastSegment))
        {
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                cleaned.Append(rune.ToString());
            }
        }

        var result = cleaned.ToString().Normalize(NormalizationForm.FormC).Trim();
        return result.Trim('.', ' ').Length == 0 ? Fallback : Truncate(result);
    }

    // Keeps the extension, and never cuts a character (rune) in half.
    private static string Truncate(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxBytes)
        {
            return name;
        }

        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= MaxExtensionLength ? name[dot..] : "";
        return LongestPrefix(name[..^extension.Length], MaxBytes - Encoding.UTF8.GetByteCount(extension)) + extension;
    }

    // The longest run of whole runes from the start that fits in maxBytes of UTF-8.
    private static string LongestPrefix(string text, int maxBytes)
    {
        var bytes = 0;
        var chars = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            chars += rune.Utf16SequenceLength;
        }

        return text[..chars];
    }

    private static IEnumerable<Rune> EnumerateRunes(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                yield return rune;
            }

            i += consumed;
        }
    }
}
