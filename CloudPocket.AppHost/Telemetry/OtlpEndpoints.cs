using CloudPocket.AppHost.Telemetry.Otlp;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudPocket.AppHost.Telemetry;

/// <summary>
/// The OTLP/HTTP receiver (binary protobuf): <c>POST /v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c>,
/// decoded into the dashboard's bounded stores.
/// </summary>
internal static class OtlpEndpoints
{
    // Far above one batch of the .NET exporter (512 spans), far below what could strain the AppHost.
    private const int MaxRequestBytes = 8 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder routes, TraceStore traces, LogStore logs, MetricsStore metrics)
    {
        routes.MapPost("/v1/traces", (HttpContext context) =>
            ReceiveAsync(context, body => traces.Add(OtlpTraceDecoder.Decode(ExportTraceServiceRequest.Parser.ParseFrom(body)))));
        routes.MapPost("/v1/logs", (HttpContext context) =>
            ReceiveAsync(context, body => logs.Add(OtlpLogDecoder.Decode(ExportLogsServiceRequest.Parser.ParseFrom(body)))));
        routes.MapPost("/v1/metrics", (HttpContext context) =>
            ReceiveAsync(context, body => OtlpMetricDecoder.Apply(ExportMetricsServiceRequest.Parser.ParseFrom(body), metrics)));
    }

    private static async Task ReceiveAsync(HttpContext context, Action<byte[]> keep)
    {
        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        try
        {
            keep(body);
        }
        catch (InvalidProtocolBufferException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await WriteResponseAsync(context, new ExportTraceServiceResponse());
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxRequestBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // Every OTLP export response is an empty message when all was accepted: the bytes are the same whatever its type.
    private static Task WriteResponseAsync(HttpContext context, IMessage response)
    {
        context.Response.ContentType = "application/x-protobuf";
        return context.Response.Body.WriteAsync(response.ToByteArray(), context.RequestAborted).AsTask();
    }
}
