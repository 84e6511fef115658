namespace CloudPocket.AppHost.Hosting;

/// <summary>A resource did not become Healthy: it could not launch, exited early, or its dependency failed.</summary>
public sealed class ResourceStartException : AppHostException
{
    public ResourceStartException(string resourceName, string reason, IReadOnlyList<string> lastLines)
        : base(Describe(resourceName, reason, lastLines))
    {
        ResourceName = resourceName;
        LastLines = lastLines;
    }

    public ResourceStartException()
    {
    }

    public ResourceStartException(string message)
        : base(message)
    {
    }

    public ResourceStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string ResourceName { get; } = "";

    public IReadOnlyList<string> LastLines { get; } = [];

    private static string Describe(string resourceName, string reason, IReadOnlyList<string> lastLines) =>
        lastLines.Count == 0
            ? $"{resourceName} failed to start: {reason}."
            : $"{resourceName} failed to start: {reason}. Last output:{Environment.NewLine}{string.Join(Environment.NewLine, lastLines.Select(l => "    " + l))}";
}
