using System.Globalization;
using System.Text;

namespace CloudPocket.Api.Storage;

// RFC 6266: an ASCII filename for old clients plus filename*=UTF-8''… (RFC 8187) with the exact name.
// The ASCII name keeps what it can read: each character is decomposed (NFKD) and its combining marks dropped,
// so "résumé" stays "resume" rather than "r_sum_"; a character with no ASCII form (CJK, emoji) becomes one '_'.
// Everything that could end the quoted string or start a new parameter is replaced or percent-encoded, and that
// is checked after decomposing, because NFKD turns full-width quotes and backslashes into ASCII ones.
public static class ContentDisposition
{
    public static string Attachment(string filename) =>
        $"attachment; filename=\"{AsciiFallback(filename)}\"; filename*=UTF-8''{Uri.EscapeDataString(filename)}";

    private static string AsciiFallback(string filename)
    {
        var fallback = new StringBuilder(filename.Length);
        var characters = StringInfo.GetTextElementEnumerator(filename);
        while (characters.MoveNext())
        {
            var ascii = ToAscii(characters.GetTextElement()) ?? "_";
            foreach (var c in ascii)
            {
                fallback.Append(c is >= ' ' and <= '~' and not '"' and not '\\' and not '%' ? c : '_');
            }
        }

        return fallback.ToString();
    }

    // One user-perceived character (a grapheme: "e" plus its accent, or an emoji sequence) spelled in ASCII,
    // or null if it has none. A lone surrogate has none, and Normalize would throw on it.
    private static string? ToAscii(string character)
    {
        if (character.EnumerateRunes().Any(rune => rune == Rune.ReplacementChar))
        {
            return null;
        }

        var ascii = new StringBuilder(character.Length);
        foreach (var c in character.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                var spelled = char.IsAscii(c) ? c.ToString() : Spelled(c);
                if (spelled is null)
                {
                    return null;
                }

                ascii.Append(spelled);
            }
        }

        return ascii.ToString();
    }

    // Latin letters that do not decompose but have a customary ASCII spelling.
    private static string? Spelled(char letter) => letter switch
    {
        'ß' => "ss", 'ẞ' => "SS", 'æ' => "ae", 'Æ' => "AE", 'œ' => "oe", 'Œ' => "OE", 'ø' => "o", 'Ø' => "O",
        'ł' => "l", 'Ł' => "L", 'đ' => "d", 'Đ' => "D", 'ð' => "d", 'Ð' => "D", 'þ' => "th", 'Þ' => "Th", 'ı' => "i",
        _ => null,
    };
}
