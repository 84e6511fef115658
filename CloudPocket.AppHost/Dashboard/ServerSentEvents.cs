using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>Writes a stream of items as <c>text/event-stream</c>, one JSON <c>data:</c> event each, flushed at once.</summary>
internal static class ServerSentEvents
{
    public static async Task StreamAsync<T>(HttpContext context, IAsyncEnumerable<T> items, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        await response.Body.FlushAsync(cancellationToken);
        try
        {
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                // JSON has no raw newlines, so one data: line is one whole event.
                await response.WriteAsync("data: " + JsonSerializer.Serialize(item, typeInfo) + "\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The tab closed or the AppHost is stopping: the normal end of a stream.
        }
    }
}
