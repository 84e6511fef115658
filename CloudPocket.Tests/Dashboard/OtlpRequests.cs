using System.Buffers.Binary;
using CloudPocket.AppHost.Telemetry.Otlp;
using Google.Protobuf;

namespace CloudPocket.Tests.Dashboard;

// OTLP trace requests as an exporter sends them, built from the same messages and sent through their bytes.
internal static class OtlpRequests
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static Span Span(string name, byte spanId, byte? parentId, int startMs, int durationMs, int traceId = 1) => new()
    {
        TraceId = TraceId(traceId),
        SpanId = ByteString.CopyFrom(Enumerable.Repeat(spanId, 8).ToArray()),
        ParentSpanId = parentId is { } parent ? ByteString.CopyFrom(Enumerable.Repeat(parent, 8).ToArray()) : ByteString.Empty,
        Name = name,
        StartTimeUnixNano = Nanos(startMs),
        EndTimeUnixNano = Nanos(startMs + durationMs),
    };

    public static ExportTraceServiceRequest Request(string service, params Span[] spans)
    {
        var resource = new ResourceSpans { Resource = new Resource() };
        resource.Resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } });
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "test" } };
        scope.Spans.AddRange(spans);
        resource.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resource);
        return ExportTraceServiceRequest.Parser.ParseFrom(request.ToByteArray());
    }

    // Big-endian in the last four bytes, so trace 1 is 000…001 in hex.
    private static ByteString TraceId(int id)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), id);
        return ByteString.CopyFrom(bytes);
    }

    private static ulong Nanos(int offsetMs) => (ulong)(Start.AddMilliseconds(offsetMs) - DateTimeOffset.UnixEpoch).Ticks * 100;
}
