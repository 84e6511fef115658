using System.Globalization;
using System.Text;

namespace CloudPocket.Api.Files;

// Turns a client's filename into display metadata: the last path segment, without control, format
// (bidi overrides, zero-width) or unpaired surrogate characters, NFC-normalised and length-limited.
// It is never used as a key or a path.
public static class FileNameSanitizer
{
    public const int MaxLength = 255;
    public const string Fallback = "file";
    private const int MaxExtensionLength = 16;

    public static string Sanitize(string name)
    {
        var lastSegment = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var cleaned = new StringBuilder(Math.Min(lastSegment.Length, MaxLength * 2));
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

    // Keeps the extension, and never cuts a character in half.
    private static string Truncate(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= MaxExtensionLength ? name[dot..] : "";
        var stem = name[..(MaxLength - extension.Length)];
        if (char.IsHighSurrogate(stem[^1]))
        {
            stem = stem[..^1];
        }

        return stem + extension;
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
