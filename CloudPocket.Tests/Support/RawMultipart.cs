using System.Text;

namespace CloudPocket.Tests.Support;

// Multipart bodies written byte for byte, for the malformed and hostile cases HttpClient would refuse to build.
public static class RawMultipart
{
    public const string Boundary = "cp-test-boundary";

    public static ByteArrayContent Body(string raw, string? contentType = null)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(raw));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType ?? $"multipart/form-data; boundary={Boundary}");
        return content;
    }

    // One file part whose Content-Disposition parameters are given verbatim, e.g. `filename="a.txt"` or `filename*=UTF-8''a.txt`.
    public static ByteArrayContent FilePart(string dispositionParameters, string payload = "payload") =>
        Body($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; {dispositionParameters}\r\n" +
             $"Content-Type: application/octet-stream\r\n\r\n{payload}\r\n--{Boundary}--\r\n");

    public static string QuotedFilename(string name) => $"filename=\"{name}\"";

    public static string EncodedFilename(string name) => $"filename*=UTF-8''{Uri.EscapeDataString(name)}";
}
