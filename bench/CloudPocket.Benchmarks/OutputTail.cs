namespace CloudPocket.Benchmarks;

// The last lines a child process wrote (stdout and stderr as they came), to explain its failure.
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> _lines = new();

    // Called from the process's output events, on thread-pool threads; null marks the end of a stream.
    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    // The newest kept line that matches, or null.
    public string? FindLast(Func<string, bool> match)
    {
        lock (_lines)
        {
            return _lines.LastOrDefault(match);
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }
}
