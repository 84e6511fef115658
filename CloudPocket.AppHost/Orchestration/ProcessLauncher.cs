using System.Diagnostics;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>Starts a <see cref="LaunchSpec"/> with its output captured line by line.</summary>
internal static class ProcessLauncher
{
    // On Linux each resource gets its own session (setsid execs in place, keeping the PID, as a freshly started child
    // is never a process-group leader). Ctrl+C in a terminal signals the whole foreground process group; without this
    // the emulator would stop at the same time as the Api, which may still be finishing requests that need it.
    // The AppHost stops them itself, in order.
    private static readonly string? Setsid = OperatingSystem.IsLinux() ? CommandResolver.Find("setsid") : null;

    /// <exception cref="FileNotFoundException">The command is not a file nor on PATH.</exception>
    public static Process Start(LaunchSpec spec, Action<string, bool> onLine)
    {
        var command = CommandResolver.Find(spec.FileName)
            ?? throw new FileNotFoundException($"'{spec.FileName}' was not found (not a file, not on PATH)", spec.FileName);
        var info = new ProcessStartInfo(Setsid ?? command)
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Children must not read the AppHost's terminal: they get an empty, closed stdin.
            RedirectStandardInput = true,
        };
        if (Setsid is not null)
        {
            info.ArgumentList.Add(command);
        }

        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnData(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => OnData(e.Data, isError: true);
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        // A null line is end of stream, not output.
        void OnData(string? line, bool isError)
        {
            if (line is not null)
            {
                onLine(line, isError);
            }
        }
    }
}
