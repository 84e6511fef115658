using CloudPocket.AppHost.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace CloudPocket.AppHost.Diagnostics;

/// <summary>One console line per state change (not per changed probe message, which would repeat every poll).</summary>
internal sealed class ConsoleStateReporter(ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ResourceState> _last = [];

    public void Report(ResourceSnapshot snapshot)
    {
        lock (_gate)
        {
            if (_last.TryGetValue(snapshot.Name, out var previous) && previous == snapshot.State)
            {
                return;
            }

            _last[snapshot.Name] = snapshot.State;
        }

        Log.StateChanged(logger, snapshot.Name, snapshot.State.ToString(), Detail(snapshot));
    }

    private static string Detail(ResourceSnapshot snapshot) => snapshot switch
    {
        { State: ResourceState.Running, Endpoint: { } endpoint } => $" (pid {snapshot.ProcessId}, {endpoint.ToString().TrimEnd('/')})",
        { State: ResourceState.Running } => $" (pid {snapshot.ProcessId})",
        { State: ResourceState.Waiting, Message: { } message } => $" {message}",
        { State: ResourceState.Exited, Message: null } => $" (exit code {snapshot.ExitCode})",
        { Message: { } message } => $" ({message})",
        _ => "",
    };
}
