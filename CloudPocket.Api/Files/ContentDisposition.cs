using System.Text;

namespace CloudPocket.Api.Files;

// RFC 6266: an ASCII filename for old clients plus filename*=UTF-8''… (RFC 8187) with the exact name.
// Everything that could end the quoted string or start a new parameter is replaced or percent-encoded.
public static class ContentDisposition
{
    public static string Attachment(string filename)
    {
        var fallback = new StringBuilder(filename.Length);
        foreach (var rune in filename.EnumerateRunes())
        {
            fallback.Append(rune.Value is >= ' ' and <= '~' and not '"' and not '\\' and not '%' ? (char)rune.Value : '_');
        }

        return $"attachment; filename=\"{fallback}\"; filename*=UTF-8''{Uri.EscapeDataString(filename)}";
    }
}
