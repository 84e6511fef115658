using CloudPocket.AppHost.Telemetry.Otlp;

namespace CloudPocket.AppHost.Telemetry;

/// <summary>
/// Feeds an OTLP metrics export into the <see cref="MetricsStore"/>: ASP.NET Core's request duration histogram
/// (all routes and status codes together) and every integer counter of the service's own meters.
/// </summary>
public static class OtlpMetricDecoder
{
    public const string RequestDuration = "http.server.request.duration";

    public static void Apply(ExportMetricsServiceRequest request, MetricsStore store)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = OtlpResources.Name(resourceMetrics.Resource);
            foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(s => s.Metrics))
            {
                if (metric.DataCase == Metric.DataOneofCase.Histogram && metric.Name == RequestDuration)
                {
                    AddHistogram(store, resource, metric);
                }
                // Runtime internals (dotnet.*) would crowd out the service's own charts.
                else if (metric.DataCase == Metric.DataOneofCase.Sum && metric.Sum.IsMonotonic && !metric.Name.StartsWith("dotnet.", StringComparison.Ordinal)
                    && metric.Sum.DataPoints.Count > 0 && metric.Sum.DataPoints.All(p => p.ValueCase == NumberDataPoint.ValueOneofCase.AsInt))
                {
                    var points = metric.Sum.DataPoints;
                    var interval = Interval(points.Min(p => p.StartTimeUnixNano), points.Max(p => p.TimeUnixNano), metric.Sum.AggregationTemporality);
                    store.AddCounter(resource, metric.Name, metric.Unit, interval, points.Sum(p => p.AsInt));
                }
            }
        }
    }

    private static void AddHistogram(MetricsStore store, string resource, Metric metric)
    {
        var points = metric.Histogram.DataPoints.Where(p => p.BucketCounts.Count > 0).ToList();
        if (points.Count == 0)
        {
            return;
        }

        // Every point of one instrument shares its bucket bounds, so the routes' buckets add up.
        var bounds = points[0].ExplicitBounds.ToList();
        var buckets = new long[points[0].BucketCounts.Count];
        foreach (var point in points.Where(p => p.BucketCounts.Count == buckets.Length))
        {
            for (var i = 0; i < buckets.Length; i++)
            {
                buckets[i] += (long)point.BucketCounts[i];
            }
        }

        var interval = Interval(points.Min(p => p.StartTimeUnixNano), points.Max(p => p.TimeUnixNano), metric.Histogram.AggregationTemporality);
        store.AddHistogram(resource, metric.Name, interval, bounds, buckets, metric.Unit == "s" ? 1000 : 1);
    }

    private static MetricInterval Interval(ulong start, ulong end, AggregationTemporality temporality) =>
        new(OtlpResources.Time(start), OtlpResources.Time(end), temporality != AggregationTemporality.Delta);
}
