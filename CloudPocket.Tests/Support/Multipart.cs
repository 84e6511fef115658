using System.Net.Http.Headers;

namespace CloudPocket.Tests.Support;

// Builds upload bodies the way browsers and curl do, with full control over the part headers.
public static class Multipart
{
    public static MultipartFormDataContent File(byte[] bytes, string filename, string contentType = "application/octet-stream") =>
        File(new ByteArrayContent(bytes), filename, contentType);

    public static MultipartFormDataContent File(HttpContent content, string filename, string contentType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        form.Add(Part(content, "file", filename, contentType));
        return form;
    }

    public static HttpContent Part(HttpContent content, string name, string? filename, string contentType = "application/octet-stream")
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = $"\"{name}\"",
            FileName = filename is null ? null : $"\"{filename}\"",
        };
        return content;
    }
}
