namespace CloudPocket.AppHost.Telemetry;

/// <summary>What a cumulative metric stood at in its last export, to subtract from the next.</summary>
internal sealed record CumulativeTotals(DateTimeOffset Time, long[] Counts);
