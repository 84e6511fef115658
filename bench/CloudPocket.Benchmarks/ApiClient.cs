using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace CloudPocket.Benchmarks;

// The API as a client sees it, over HTTP on loopback.
internal sealed class ApiClient(HttpClient http) : IDisposable
{
    private const int ReadBufferSize = 256 * 1024;

    public static ApiClient Create(Uri baseAddress) => new(new HttpClient(
        new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan },
        disposeHandler: true)
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromMinutes(10),
    });

    public HttpClient Http => http;

    public async Task<Uploaded> UploadAsync(long size, string filename, CancellationToken cancellationToken)
    {
        using var content = new GeneratedFormContent(size, filename);
        using var response = await http.PostAsync(new Uri("upload/", UriKind.Relative), content, cancellationToken);
        await EnsureSuccessAsync(response, "upload", cancellationToken);
        return await response.Content.ReadFromJsonAsync<Uploaded>(cancellationToken)
            ?? throw new InvalidOperationException("The upload answered an empty body.");
    }

    // A tus 1.0.0 upload: created with its length, then PATCHes of patchSize bytes; the last answers the file's key.
    public async Task<Uploaded> UploadResumableAsync(long size, long patchSize, string filename, CancellationToken cancellationToken)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, new Uri("tus/", UriKind.Relative));
        create.Headers.Add("Tus-Resumable", "1.0.0");
        create.Headers.Add("Upload-Length", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        create.Headers.Add("Upload-Metadata", "filename " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(filename)));
        using var created = await http.SendAsync(create, cancellationToken);
        await EnsureSuccessAsync(created, "tus creation", cancellationToken);
        var location = created.Headers.Location ?? throw new InvalidOperationException("The tus creation answered no Location.");
        string? key = null;
        for (long offset = 0; offset < size; offset += patchSize)
        {
            using var patch = new HttpRequestMessage(HttpMethod.Patch, location) { Content = new GeneratedSliceContent(offset, Math.Min(patchSize, size - offset)) };
            patch.Headers.Add("Tus-Resumable", "1.0.0");
            patch.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var patched = await http.SendAsync(patch, cancellationToken);
            await EnsureSuccessAsync(patched, "tus PATCH", cancellationToken);
            key = patched.Headers.TryGetValues("CloudPocket-S3-Key", out var keys) ? keys.Single() : null;
        }

        var file = await http.GetFromJsonAsync<Uploaded>(new Uri($"files/{key}", UriKind.Relative), cancellationToken);
        return file ?? throw new InvalidOperationException("The tus upload's file has no metadata.");
    }

    public async Task<(long Bytes, string Sha256)> DownloadAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"download/{key}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, "download", cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await Drain.HashAsync(body, ReadBufferSize, cancellationToken);
    }

    public async Task<long> GetAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"download/{key}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, "download", cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await Drain.DiscardAsync(body, cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(new Uri($"files/{key}", UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, "delete", cancellationToken);
    }

    public void Dispose() => http.Dispose();

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"API {what} answered {(int)response.StatusCode}: {body}");
        }
    }
}

internal sealed record Uploaded(
    [property: JsonPropertyName("s3_key")] string S3Key,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("sha256")] string Sha256);
