using System.Runtime.InteropServices;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>
/// Process has no way to send SIGTERM: Kill() is SIGKILL, which gives the child no chance to flush or close.
/// </summary>
internal static partial class NativeMethods
{
    public const int SIGTERM = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
