using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Application;

public class CephPackagesTests
{
    [Fact]
    public async Task CephWithoutItsPackagesSaysHowToInstallThemInOneLineAndExits()
    {
        // A machine without Ceph: none of its tools on PATH, only the dotnet host's folder.
        var path = Path.GetDirectoryName(Path.GetFullPath(AppHostExit.Dotnet)) ?? "";

        var (exitCode, errorLines, output) = await AppHostExit.RunAsync(["--S3:Backend=ceph"], new Dictionary<string, string> { ["PATH"] = path });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errorLines);
        Assert.Contains("S3:Backend=ceph needs Debian's Ceph packages", line, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd", line, StringComparison.Ordinal);
        Assert.Empty(output);
    }
}
