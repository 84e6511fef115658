using System.Text;

namespace CloudPocket.Tests.Support;

/// <summary>Every line a child process printed on either stream, for the message when it fails.</summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _lines = new();

    /// <summary>Called for each line the process printed (from its output events; null ends a stream).</summary>
    public event Action<string>? LineRecorded;

    public void Record(string? line)
    {
        lock (_lines)
        {
            _lines.AppendLine(line);
        }

        if (line is not null)
        {
            LineRecorded?.Invoke(line);
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return _lines.ToString();
        }
    }
}
