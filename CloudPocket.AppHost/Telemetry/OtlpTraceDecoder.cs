using CloudPocket.AppHost.Telemetry.Otlp;

namespace CloudPocket.AppHost.Telemetry;

/// <summary>Turns an OTLP export request into <see cref="SpanRecord"/>s, the resource named by its <c>service.name</c>.</summary>
public static class OtlpTraceDecoder
{
    public static IEnumerable<SpanRecord> Decode(ExportTraceServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = OtlpResources.Name(resourceSpans.Resource);
            foreach (var span in resourceSpans.ScopeSpans.SelectMany(s => s.Spans))
            {
                yield return ToRecord(span, resource);
            }
        }
    }

    private static SpanRecord ToRecord(Span span, string resource)
    {
        var end = span.EndTimeUnixNano >= span.StartTimeUnixNano ? span.EndTimeUnixNano : span.StartTimeUnixNano;
        return new SpanRecord(
            Convert.ToHexStringLower(span.TraceId.Span),
            Convert.ToHexStringLower(span.SpanId.Span),
            span.ParentSpanId.IsEmpty ? null : Convert.ToHexStringLower(span.ParentSpanId.Span),
            span.Name,
            resource,
            span.Kind.ToString(),
            OtlpResources.Time(span.StartTimeUnixNano),
            (end - span.StartTimeUnixNano) / 1_000_000.0,
            span.Status?.Code switch
            {
                Status.Types.StatusCode.Error => "Error",
                Status.Types.StatusCode.Ok => "Ok",
                _ => "Unset",
            },
            OtlpValues.ToDictionary(span.Attributes));
    }
}
