namespace CloudPocket.AppHost.Telemetry;

/// <summary>One chart of the metrics page: a resource's series, oldest point first.</summary>
public sealed record MetricSeries(string Resource, string Name, string Unit, IReadOnlyList<MetricPoint> Points);
