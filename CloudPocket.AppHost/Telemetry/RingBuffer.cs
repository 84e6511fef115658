namespace CloudPocket.AppHost.Telemetry;

/// <summary>
/// The last <see cref="Capacity"/> items, oldest overwritten first: telemetry memory stays bounded however long the
/// AppHost runs and however much the resources send.
/// </summary>
public sealed class RingBuffer<T>
{
    private readonly Lock _gate = new();
    private readonly T[] _items;
    private long _written;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public void Add(T item)
    {
        lock (_gate)
        {
            _items[_written++ % _items.Length] = item;
        }
    }

    /// <summary>What is kept, oldest first.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            var count = (int)Math.Min(_written, _items.Length);
            var result = new T[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = _items[(_written - count + i) % _items.Length];
            }

            return result;
        }
    }
}
