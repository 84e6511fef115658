using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CloudPocket.Tests.Support;

// tus 1.0.0 requests, written out by hand so the tests say exactly which headers each one carries.
public static class Tus
{
    public const string Version = "1.0.0";

    public static HttpRequestMessage Create(long length, string? filename = null, string? filetype = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/tus/");
        request.Headers.Add("Tus-Resumable", Version);
        request.Headers.Add("Upload-Length", length.ToString(CultureInfo.InvariantCulture));
        var metadata = new[] { ("filename", filename), ("filetype", filetype) }
            .Where(m => m.Item2 is not null)
            .Select(m => $"{m.Item1} {Convert.ToBase64String(Encoding.UTF8.GetBytes(m.Item2!))}");
        if (metadata.Any())
        {
            request.Headers.Add("Upload-Metadata", string.Join(',', metadata));
        }

        return request;
    }

    public static HttpRequestMessage Patch(string location, long offset, HttpContent body, string? tusResumable = Version)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, location) { Content = body };
        if (tusResumable is not null)
        {
            request.Headers.Add("Tus-Resumable", tusResumable);
        }

        request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        return request;
    }

    public static HttpRequestMessage Patch(string location, long offset, byte[] bytes) => Patch(location, offset, Bytes(bytes));

    public static HttpContent Bytes(byte[] bytes) => Body(new ByteArrayContent(bytes));

    public static HttpContent Body(HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return content;
    }

    public static HttpRequestMessage Head(string location) => With(HttpMethod.Head, location);

    public static HttpRequestMessage Delete(string location) => With(HttpMethod.Delete, location);

    /// <summary>Creates an upload; returns its location (the path of its URL).</summary>
    public static async Task<string> CreateAsync(this HttpClient api, long length, string? filename = null, CancellationToken cancellationToken = default)
    {
        using var response = await api.SendAsync(Create(length, filename), cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    public static async Task<HttpResponseMessage> PatchAsync(this HttpClient api, string location, long offset, byte[] bytes, CancellationToken cancellationToken = default)
    {
        using var request = Patch(location, offset, bytes);
        return await api.SendAsync(request, cancellationToken);
    }

    public static async Task<long> OffsetAsync(this HttpClient api, string location, CancellationToken cancellationToken = default)
    {
        using var response = await api.SendAsync(Head(location), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return long.Parse(Header(response, "Upload-Offset")!, CultureInfo.InvariantCulture);
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    private static HttpRequestMessage With(HttpMethod method, string location)
    {
        var request = new HttpRequestMessage(method, location);
        request.Headers.Add("Tus-Resumable", Version);
        return request;
    }
}
