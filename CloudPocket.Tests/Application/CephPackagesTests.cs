using System.Diagnostics;

namespace CloudPocket.Tests.Application;

public class CephPackagesTests
{
    [Fact]
    public async Task CephWithoutItsPackagesSaysHowToInstallThemInOneLineAndExits()
    {
        var appHost = typeof(Aspire.Hosting.ApplicationModel.CephResource).Assembly.Location;
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet, [appHost, "--S3:Backend=ceph"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // A machine without Ceph: none of its tools on PATH.
            Environment = { ["PATH"] = Path.GetDirectoryName(Path.GetFullPath(dotnet)) ?? "" },
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("S3:Backend=ceph needs Debian's Ceph packages", line, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd", line, StringComparison.Ordinal);
        Assert.Empty(await stdout);
    }
}
