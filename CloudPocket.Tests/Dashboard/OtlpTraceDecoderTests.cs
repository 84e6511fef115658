using CloudPocket.AppHost.Telemetry;
using CloudPocket.AppHost.Telemetry.Otlp;

namespace CloudPocket.Tests.Dashboard;

public class OtlpTraceDecoderTests
{
    [Fact]
    public void ASpanKeepsItsIdsParentTimesAndResourceName()
    {
        var span = OtlpRequests.Span("PUT", spanId: 2, parentId: 1, startMs: 10, durationMs: 25);
        span.Kind = Span.Types.SpanKind.Client;

        var record = Assert.Single(OtlpTraceDecoder.Decode(OtlpRequests.Request("api", span)));

        Assert.Equal(new string('0', 31) + "1", record.TraceId);
        Assert.Equal(string.Concat(Enumerable.Repeat("02", 8)), record.SpanId);
        Assert.Equal(string.Concat(Enumerable.Repeat("01", 8)), record.ParentSpanId);
        Assert.Equal(("PUT", "api", "Client"), (record.Name, record.Resource, record.Kind));
        Assert.Equal(OtlpRequests.Start.AddMilliseconds(10), record.Start);
        Assert.Equal(25, record.DurationMs, precision: 3);
    }

    [Fact]
    public void ARootSpanHasNoParentAndAnErrorStatusIsKept()
    {
        var span = OtlpRequests.Span("POST /upload/", spanId: 1, parentId: null, startMs: 0, durationMs: 5);
        span.Status = new Status { Code = Status.Types.StatusCode.Error, Message = "boom" };

        var record = Assert.Single(OtlpTraceDecoder.Decode(OtlpRequests.Request("api", span)));

        Assert.Null(record.ParentSpanId);
        Assert.Equal("Error", record.Status);
    }

    [Fact]
    public void AttributesOfEveryValueTypeBecomeText()
    {
        var span = OtlpRequests.Span("GET", spanId: 1, parentId: null, startMs: 0, durationMs: 1);
        span.Attributes.Add(new KeyValue { Key = "s", Value = new AnyValue { StringValue = "x" } });
        span.Attributes.Add(new KeyValue { Key = "i", Value = new AnyValue { IntValue = 200 } });
        span.Attributes.Add(new KeyValue { Key = "b", Value = new AnyValue { BoolValue = true } });
        span.Attributes.Add(new KeyValue { Key = "d", Value = new AnyValue { DoubleValue = 1.5 } });
        var array = new AnyValue { ArrayValue = new ArrayValue() };
        array.ArrayValue.Values.Add(new AnyValue { StringValue = "a" });
        array.ArrayValue.Values.Add(new AnyValue { IntValue = 2 });
        span.Attributes.Add(new KeyValue { Key = "a", Value = array });

        var record = Assert.Single(OtlpTraceDecoder.Decode(OtlpRequests.Request("api", span)));

        Assert.Equal(new Dictionary<string, string> { ["s"] = "x", ["i"] = "200", ["b"] = "true", ["d"] = "1.5", ["a"] = "[a, 2]" }, record.Attributes);
    }

    [Fact]
    public void AResourceWithoutServiceNameIsUnknown()
    {
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(new ResourceSpans { ScopeSpans = { new ScopeSpans { Spans = { OtlpRequests.Span("x", 1, null, 0, 1) } } } });

        Assert.Equal("unknown", Assert.Single(OtlpTraceDecoder.Decode(request)).Resource);
    }
}
