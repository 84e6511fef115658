namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>One line a resource wrote. <see cref="Sequence"/> grows per resource, so a viewer can resume after a gap.</summary>
public sealed record LogLine(string Resource, long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);
