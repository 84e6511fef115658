namespace CloudPocket.AppHost.Telemetry;

/// <summary>Received log records in one ring buffer (<see cref="DefaultCapacity"/> records), filtered when asked.</summary>
public sealed class LogStore(int capacity = LogStore.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly RingBuffer<StructuredLogRecord> _records = new(capacity);

    public void Add(IEnumerable<StructuredLogRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            _records.Add(record);
        }
    }

    /// <summary>Newest first, at most <paramref name="limit"/>: of <paramref name="resource"/>, at or above <paramref name="minSeverity"/>, containing <paramref name="text"/>.</summary>
    public IReadOnlyList<StructuredLogRecord> Query(string? resource, int minSeverity, string? text, int limit = 500) =>
        [.. _records.Snapshot()
            .Reverse()
            .Where(r => string.IsNullOrEmpty(resource) || string.Equals(r.Resource, resource, StringComparison.OrdinalIgnoreCase))
            .Where(r => r.Severity >= minSeverity)
            .Where(r => string.IsNullOrEmpty(text) || r.Message.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Take(limit)];
}
