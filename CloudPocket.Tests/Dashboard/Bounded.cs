using Microsoft.Playwright;

namespace CloudPocket.Tests.Dashboard;

// Time limits for the browser tests: a hang fails one step with a clear timeout instead of stalling the whole run.
internal static class Bounded
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(15);

    // Long enough for a process to stop, start and pass two health probes on a loaded 2-core machine.
    public static readonly TimeSpan StateChange = TimeSpan.FromSeconds(45);

    public static float Milliseconds(TimeSpan timeout) => (float)timeout.TotalMilliseconds;

    public static LocatorAssertionsToHaveTextOptions Text(TimeSpan? timeout = null) => new() { Timeout = Milliseconds(timeout ?? Step) };

    public static Task Within(this Task task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Step);

    public static Task<T> Within<T>(this Task<T> task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Step);
}
