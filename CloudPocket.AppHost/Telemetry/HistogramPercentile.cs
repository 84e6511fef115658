namespace CloudPocket.AppHost.Telemetry;

/// <summary>
/// Percentiles from explicit-bucket histogram counts, interpolated linearly inside the bucket the rank falls in
/// (as Prometheus' histogram_quantile does); the open last bucket answers its lower bound.
/// </summary>
public static class HistogramPercentile
{
    public static double? Estimate(IReadOnlyList<double> bounds, IReadOnlyList<long> counts, double quantile)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = quantile * total;
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (seen + counts[i] >= rank && counts[i] > 0)
            {
                var lower = i == 0 ? 0 : bounds[i - 1];
                if (i >= bounds.Count)
                {
                    return lower;
                }

                return lower + ((bounds[i] - lower) * (rank - seen) / counts[i]);
            }

            seen += counts[i];
        }

        return bounds.Count > 0 ? bounds[^1] : null;
    }
}
