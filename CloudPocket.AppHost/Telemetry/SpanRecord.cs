namespace CloudPocket.AppHost.Telemetry;

/// <summary>One received span, decoded into what the traces pages show. Ids are lowercase hex, as OTLP/JSON writes them.</summary>
public sealed record SpanRecord(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Resource,
    string Kind,
    DateTimeOffset Start,
    double DurationMs,
    string Status,
    IReadOnlyDictionary<string, string> Attributes);
