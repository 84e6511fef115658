namespace CloudPocket.AppHost.Telemetry;

/// <summary>One row of the traces list: the root span's name and resource, the whole trace's extent and status.</summary>
public sealed record TraceSummary(string TraceId, string Name, string Resource, DateTimeOffset Start, double DurationMs, string Status, int SpanCount);
