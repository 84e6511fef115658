namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>A process the orchestrator starts, watches and stops: a command run in a working directory.</summary>
public class ExecutableAppResource(string name, string command, string workingDirectory) : AppResource(name)
{
    public string Command { get; } = command;

    public string WorkingDirectory { get; } = workingDirectory;
}
