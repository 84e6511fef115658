using System.Globalization;

namespace CloudPocket.Tests.Support;

/// <summary>Processes as Linux's /proc shows them: a test's way to find and kill what the orchestrator started.</summary>
public static class ProcessTree
{
    /// <summary>Every process started under <paramref name="pid"/>, children first, then theirs.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var found = new List<int>();
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in Children(parent))
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>The process's command line with its arguments joined by spaces, or "" once it is gone.</summary>
    public static string CommandLine(int pid) => Read($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();

    /// <summary>The process's environment as it was given at its start.</summary>
    public static IReadOnlyDictionary<string, string> Environment(int pid) =>
        Read($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);

    /// <summary>The live processes whose environment holds <paramref name="entry"/> (NAME=value) exactly.</summary>
    public static IReadOnlyList<int> WithEnvironment(string entry) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => Read($"/proc/{pid}/environ").Split('\0').Contains(entry, StringComparer.Ordinal))];

    private static IEnumerable<int> Children(int pid)
    {
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks))
        {
            return [];
        }

        return Directory.EnumerateDirectories(tasks)
            .SelectMany(task => Read(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(id => int.Parse(id, CultureInfo.InvariantCulture))
            .Distinct();
    }

    // A process can end between listing and reading: that reads as nothing.
    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
