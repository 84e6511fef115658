namespace CloudPocket.AppHost.Telemetry;

/// <summary>One value of a chart: a rate or a percentile over the export interval ending at <see cref="Time"/>.</summary>
public sealed record MetricPoint(DateTimeOffset Time, double Value);
