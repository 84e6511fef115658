namespace CloudPocket.AppHost.Telemetry;

/// <summary>One received OTLP log record as the structured logs page shows it; the trace id links to its trace.</summary>
public sealed record StructuredLogRecord(
    DateTimeOffset Timestamp,
    string Resource,
    string Level,
    int Severity,
    string Message,
    string? TraceId,
    IReadOnlyDictionary<string, string> Attributes);
