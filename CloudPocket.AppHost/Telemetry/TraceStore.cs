namespace CloudPocket.AppHost.Telemetry;

/// <summary>
/// Received spans in one ring buffer (<see cref="DefaultCapacity"/> spans); traces are put together when asked, so a
/// trace whose oldest spans were overwritten shows what is left of it.
/// </summary>
public sealed class TraceStore(int capacity = TraceStore.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly RingBuffer<SpanRecord> _spans = new(capacity);

    public void Add(IEnumerable<SpanRecord> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        foreach (var span in spans)
        {
            _spans.Add(span);
        }
    }

    /// <summary>The newest traces first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<TraceSummary> ListTraces(int limit = 200) =>
        [.. _spans.Snapshot()
            .GroupBy(s => s.TraceId)
            .Select(Summarise)
            .OrderByDescending(t => t.Start)
            .Take(limit)];

    /// <summary>A trace's spans ordered by start; empty when it is unknown (or already overwritten).</summary>
    public IReadOnlyList<SpanRecord> GetTrace(string traceId) =>
        [.. _spans.Snapshot().Where(s => s.TraceId == traceId).OrderBy(s => s.Start)];

    private static TraceSummary Summarise(IGrouping<string, SpanRecord> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        // The root is the span whose parent is not here (none, or from outside); the earliest if there are several.
        var root = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).MinBy(s => s.Start) ?? spans.First();
        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.Start.AddTicks((long)(s.DurationMs * TimeSpan.TicksPerMillisecond)));
        var status = spans.Any(s => s.Status == "Error") ? "Error" : root.Status;
        return new TraceSummary(spans.Key, root.Name, root.Resource, start, (end - start).TotalMilliseconds, status, spans.Count());
    }
}
