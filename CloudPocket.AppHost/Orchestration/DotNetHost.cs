using System.Runtime.InteropServices;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>The <c>dotnet</c> executable that runs project resources: the same installation that runs the AppHost.</summary>
internal static class DotNetHost
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        // Set by the dotnet CLI for processes it starts (dotnet run, dotnet test).
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/dotnet
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = System.IO.Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
