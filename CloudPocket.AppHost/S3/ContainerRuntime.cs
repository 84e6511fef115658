using System.ComponentModel;
using System.Diagnostics;

namespace CloudPocket.AppHost.S3;

/// <summary>Whether a container runtime answers here, before a container resource is put in the model.</summary>
internal static class ContainerRuntime
{
    /// <summary>The runtime Aspire would use: <c>ASPIRE_CONTAINER_RUNTIME</c>, else docker.</summary>
    public static string Name =>
        Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") ?? Environment.GetEnvironmentVariable("DOTNET_ASPIRE_CONTAINER_RUNTIME") ?? "docker";

    /// <summary>True when <c>{runtime} info</c> succeeds within ten seconds.</summary>
    public static bool Answers()
    {
        try
        {
            using var info = Process.Start(new ProcessStartInfo(Name, "info") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (info is null)
            {
                return false;
            }

            info.StandardOutput.ReadToEndAsync();
            info.StandardError.ReadToEndAsync();
            if (!info.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                info.Kill(entireProcessTree: true);
                return false;
            }

            return info.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
