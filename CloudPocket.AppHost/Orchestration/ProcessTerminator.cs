using System.Diagnostics;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>Stops a process politely (SIGTERM), then firmly (kill of its whole tree) once the grace period is over.</summary>
internal static class ProcessTerminator
{
    /// <returns>True when the process had to be killed.</returns>
    public static async Task<bool> StopAsync(Process process, TimeSpan gracePeriod)
    {
        if (!OperatingSystem.IsWindows() && NativeMethods.Kill(process.Id, NativeMethods.SIGTERM) == 0)
        {
            using var grace = new CancellationTokenSource(gracePeriod);
            try
            {
                await process.WaitForExitAsync(grace.Token);
                return false;
            }
            catch (OperationCanceledException)
            {
                // Still running after the grace period: fall through to the kill.
            }
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the signal and the kill.
        }

        await process.WaitForExitAsync(CancellationToken.None);
        return true;
    }
}
