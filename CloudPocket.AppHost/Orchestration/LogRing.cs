using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>The last <see cref="Capacity"/> lines of one resource's output: bounded so a chatty process cannot grow the AppHost.</summary>
public sealed class LogRing
{
    private readonly Lock _gate = new();
    private readonly LogLine[] _lines;
    private long _written;

    public LogRing(string resource, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Resource = resource;
        _lines = new LogLine[capacity];
    }

    public string Resource { get; }

    public int Capacity => _lines.Length;

    /// <summary>Lines written since the start, including those the ring has dropped.</summary>
    public long TotalWritten
    {
        get
        {
            lock (_gate)
            {
                return _written;
            }
        }
    }

    public LogLine Add(string text, bool isError)
    {
        lock (_gate)
        {
            var line = new LogLine(Resource, _written + 1, DateTimeOffset.UtcNow, text, isError);
            _lines[_written % _lines.Length] = line;
            _written++;
            return line;
        }
    }

    /// <summary>The last <paramref name="count"/> lines (all kept lines by default), oldest first.</summary>
    public IReadOnlyList<LogLine> Tail(int count = int.MaxValue)
    {
        lock (_gate)
        {
            var kept = (int)Math.Min(_written, _lines.Length);
            var take = Math.Min(Math.Max(count, 0), kept);
            var result = new LogLine[take];
            for (var i = 0; i < take; i++)
            {
                result[i] = _lines[(_written - take + i) % _lines.Length];
            }

            return result;
        }
    }
}
