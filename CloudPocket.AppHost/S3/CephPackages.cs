namespace CloudPocket.AppHost.S3;

/// <summary>Whether the Debian packages the Ceph launcher runs are installed; it installs nothing itself.</summary>
internal static class CephPackages
{
    public const string InstallCommand = "apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd";

    private static readonly string[] Tools = ["ceph-mon", "ceph-osd", "radosgw", "radosgw-admin", "ceph", "monmaptool", "curl", "python3"];

    /// <summary>The tools the launcher needs that are not on PATH.</summary>
    public static IReadOnlyList<string> Missing()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return [.. Tools.Where(tool => !path.Any(directory => File.Exists(Path.Combine(directory, tool))))];
    }
}
