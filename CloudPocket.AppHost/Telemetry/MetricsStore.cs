namespace CloudPocket.AppHost.Telemetry;

/// <summary>
/// Charts derived from the resources' metric exports: per export interval, counters become rates and the HTTP
/// server duration histogram becomes request rate, p50 and p95. Each series keeps <see cref="PointsPerSeries"/> points.
/// </summary>
public sealed class MetricsStore
{
    public const int PointsPerSeries = 300;
    public const string Requests = "requests";
    public const string P50 = "duration p50";
    public const string P95 = "duration p95";

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Resource, string Metric), CumulativeTotals> _last = [];
    private readonly Dictionary<(string Resource, string Name), (string Unit, RingBuffer<MetricPoint> Points)> _series = [];

    /// <summary>A histogram's counts over the interval; <paramref name="toMilliseconds"/> converts its bounds.</summary>
    public void AddHistogram(string resource, string metric, MetricInterval interval, IReadOnlyList<double> bounds, long[] buckets, double toMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(interval);
        lock (_gate)
        {
            var delta = Delta(resource, metric, interval, buckets);
            var seconds = interval.Seconds(_last.GetValueOrDefault((resource, metric)));
            _last[(resource, metric)] = new CumulativeTotals(interval.End, buckets);
            if (delta is null || seconds <= 0)
            {
                return;
            }

            Append(resource, Requests, "/s", interval.End, delta.Sum() / seconds);
            var milliseconds = bounds.Select(b => b * toMilliseconds).ToList();
            if (HistogramPercentile.Estimate(milliseconds, delta, 0.5) is { } p50)
            {
                Append(resource, P50, "ms", interval.End, p50);
                Append(resource, P95, "ms", interval.End, HistogramPercentile.Estimate(milliseconds, delta, 0.95) ?? p50);
            }
        }
    }

    /// <summary>A monotonic counter's total; charted as its rate per second.</summary>
    public void AddCounter(string resource, string metric, string unit, MetricInterval interval, long total)
    {
        ArgumentNullException.ThrowIfNull(interval);
        lock (_gate)
        {
            var delta = Delta(resource, metric, interval, [total]);
            var seconds = interval.Seconds(_last.GetValueOrDefault((resource, metric)));
            _last[(resource, metric)] = new CumulativeTotals(interval.End, [total]);
            if (delta is not null && seconds > 0)
            {
                Append(resource, metric, unit + "/s", interval.End, delta[0] / seconds);
            }
        }
    }

    public IReadOnlyList<MetricSeries> Series(string? resource)
    {
        lock (_gate)
        {
            return [.. _series
                .Where(s => string.IsNullOrEmpty(resource) || string.Equals(s.Key.Resource, resource, StringComparison.OrdinalIgnoreCase))
                // The HTTP charts first: they are what the page is for; counters follow by name.
                .OrderBy(s => s.Key.Resource, StringComparer.Ordinal)
                .ThenBy(s => DisplayOrder(s.Key.Name))
                .ThenBy(s => s.Key.Name, StringComparer.Ordinal)
                .Select(s => new MetricSeries(s.Key.Resource, s.Key.Name, s.Value.Unit, s.Value.Points.Snapshot()))];
        }
    }

    private static int DisplayOrder(string name) => name switch
    {
        Requests => 0,
        P50 => 1,
        P95 => 2,
        _ => 3,
    };

    // Cumulative counts minus the previous export's; a count that went down means the process restarted.
    private long[]? Delta(string resource, string metric, MetricInterval interval, long[] counts)
    {
        if (!interval.Cumulative)
        {
            return counts;
        }

        if (!_last.TryGetValue((resource, metric), out var previous) || previous.Counts.Length != counts.Length
            || counts.Zip(previous.Counts).Any(c => c.First < c.Second))
        {
            return counts;
        }

        return [.. counts.Zip(previous.Counts, (now, before) => now - before)];
    }

    private void Append(string resource, string name, string unit, DateTimeOffset time, double value)
    {
        if (!_series.TryGetValue((resource, name), out var series))
        {
            series = (unit, new RingBuffer<MetricPoint>(PointsPerSeries));
            _series[(resource, name)] = series;
        }

        series.Points.Add(new MetricPoint(time, value));
    }
}
