using System.Diagnostics;
using System.Globalization;

namespace CloudPocket.Benchmarks;

// CPU time of the processes involved (emulator, API, this client) over a timed section, as cores kept busy:
// on 2 cores it tells which process a figure is bound by.
internal sealed class CpuMeter(IReadOnlyList<(string Name, int ProcessId)> processes)
{
    public Section Start() => new(processes, [.. processes.Select(p => CpuTime(p.ProcessId))], Stopwatch.StartNew());

    public IEnumerable<int> ProcessIds => processes.Select(p => p.ProcessId);

    public static TimeSpan CpuTime(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return TimeSpan.Zero; // Exited: it used no more.
        }
    }

    internal sealed class Section(IReadOnlyList<(string Name, int ProcessId)> processes, TimeSpan[] startCpu, Stopwatch clock)
    {
        // e.g. "emulator 0.97, API 0.62, client 0.31"
        public string Stop()
        {
            var elapsed = clock.Elapsed.TotalSeconds;
            return string.Join(", ", processes.Select((p, i) =>
                string.Create(CultureInfo.InvariantCulture, $"{p.Name} {(CpuTime(p.ProcessId) - startCpu[i]).TotalSeconds / elapsed:0.00}")));
        }
    }
}
