namespace CloudPocket.AppHost.Hosting;

/// <summary>A problem the AppHost reports as one clear line (no stack trace): missing Node.js, a taken port, a failed start.</summary>
public class AppHostException : Exception
{
    public AppHostException()
    {
    }

    public AppHostException(string message)
        : base(message)
    {
    }

    public AppHostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Several problems at once (all failed preflight checks, every resource that failed to start).</summary>
    public AppHostException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems ?? []))
    {
        Problems = problems ?? [];
    }

    /// <summary>Each problem on its own, to report one per line.</summary>
    public IReadOnlyList<string> Problems => field ?? [Message];
}
