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
