using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>One console line as the logs page gets it.</summary>
internal sealed record LogLineView(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError)
{
    public static LogLineView From(LogLine line) => new(line.Sequence, line.Timestamp, line.Text, line.IsError);
}
