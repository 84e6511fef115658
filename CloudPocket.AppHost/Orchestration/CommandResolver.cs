namespace CloudPocket.AppHost.Orchestration;

/// <summary>Finds a command the way a shell would, so a missing one is reported before launching, in one line.</summary>
internal static class CommandResolver
{
    public static string? Find(string command)
    {
        if (command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(command))
        {
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        }

        var extensions = OperatingSystem.IsWindows() ? new[] { "", ".exe", ".cmd" } : [""];
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => extensions.Select(extension => Path.Combine(directory, command + extension)))
            .FirstOrDefault(File.Exists);
    }
}
