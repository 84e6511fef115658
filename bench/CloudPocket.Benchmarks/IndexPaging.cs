using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using CloudPocket.Api.Files;

namespace CloudPocket.Benchmarks;

// Walking the index page by page, each page fetched with the previous page's cursor: in process, and over HTTP.
internal static class IndexPaging
{
    public static void Walk(FileIndex index, int pages, int pageSize, Latencies latencies)
    {
        string? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            var started = Stopwatch.GetTimestamp();
            cursor = index.Page(cursor, pageSize, null).NextCursor;
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (cursor is null)
            {
                return;
            }
        }
    }

    public static Latencies Repeat(int times, Func<FilePage> page)
    {
        var latencies = new Latencies();
        for (var i = 0; i < times; i++)
        {
            var started = Stopwatch.GetTimestamp();
            page();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    public static async Task<Latencies> WalkHttpAsync(HttpClient http, int pages, int pageSize, CancellationToken cancellationToken)
    {
        var latencies = new Latencies();
        string? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            var query = cursor is null ? $"files/page?limit={pageSize}" : $"files/page?limit={pageSize}&cursor={Uri.EscapeDataString(cursor)}";
            var started = Stopwatch.GetTimestamp();
            var page = await http.GetFromJsonAsync<PageResponse>(new Uri(query, UriKind.Relative), cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            cursor = page?.NextCursor;
        }

        return latencies;
    }

    // The part of GET /files/page the benchmark reads.
    public sealed record PageResponse(
        [property: JsonPropertyName("files")] IReadOnlyList<PageEntry>? Files,
        [property: JsonPropertyName("next_cursor")] string? NextCursor);

    public sealed record PageEntry([property: JsonPropertyName("s3_key")] string S3Key);
}
