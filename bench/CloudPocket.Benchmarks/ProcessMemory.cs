using System.Globalization;

namespace CloudPocket.Benchmarks;

// Resident memory of a process from /proc/PID/status: VmRSS now, VmHWM the peak since the process started
// (the kernel's own high-water mark, so no short spike between two samples is missed).
internal readonly record struct ProcessMemory(long RssBytes, long PeakRssBytes)
{
    public static ProcessMemory Read(int processId)
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        return new ProcessMemory(rss, peak);
    }

    // "VmHWM:     123456 kB"
    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
}
