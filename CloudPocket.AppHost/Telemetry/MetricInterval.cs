namespace CloudPocket.AppHost.Telemetry;

/// <summary>The span one exported data point covers. A cumulative point counts from <see cref="Start"/> (process start).</summary>
public sealed record MetricInterval(DateTimeOffset Start, DateTimeOffset End, bool Cumulative)
{
    /// <summary>Since the previous export of the same metric, or since its start for the first one (or a delta point).</summary>
    internal double Seconds(CumulativeTotals? previous) =>
        (End - (Cumulative && previous is not null && previous.Time < End && previous.Time > Start ? previous.Time : Start)).TotalSeconds;
}
