using System.Diagnostics;
using CloudPocket.AppHost.ApplicationModel;
using CloudPocket.AppHost.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>
/// One launched process of a resource: probes it while it runs, records how it ended, stops it. A restart is a new
/// run, so nothing (failure counts, "became healthy") leaks from one run into the next.
/// </summary>
internal sealed class ProcessRun : IDisposable
{
    private static readonly TimeSpan NotHealthyWarningAfter = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ExecutableAppResource _resource;
    private readonly StatusCell _status;
    private readonly ILogger _logger;
    private readonly Func<string> _tail;
    private readonly CancellationTokenSource _running = new();
    private volatile bool _stopRequested;
    private bool _becameHealthy;
    private bool _warnedNotHealthy;
    private int _consecutiveFailures;

    public ProcessRun(Process process, ExecutableAppResource resource, StatusCell status, ILogger logger, Func<string> tail, TimeSpan probeInterval)
    {
        _process = process;
        _resource = resource;
        _status = status;
        _logger = logger;
        _tail = tail;
        // Background loops run on the thread pool, never on the caller's synchronization context (a test framework's).
        var monitor = Task.Run(() => HealthMonitor.RunAsync(resource, probeInterval, OnProbe, _running.Token));
        Exited = Task.Run(() => WatchExitAsync(monitor));
    }

    /// <summary>Completes once the process has exited and its final state is recorded.</summary>
    public Task Exited { get; }

    public async Task StopAsync(TimeSpan gracePeriod)
    {
        _stopRequested = true;
        _status.Update(s => s with { State = ResourceState.Stopping, Message = null });
        if (!_process.HasExited && await ProcessTerminator.StopAsync(_process, gracePeriod))
        {
            Log.ForcedKill(_logger, _resource.Name, gracePeriod.TotalSeconds);
        }

        await Exited;
    }

    /// <summary>Only once <see cref="Exited"/> completed: the process object stays usable until the next run replaces this one.</summary>
    public void Dispose()
    {
        _running.Dispose();
        _process.Dispose();
    }

    /// <summary>Kills the process tree at once, synchronously: only for when the host process itself is ending.</summary>
    public void KillNow()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    private void OnProbe(string? problem)
    {
        var healthy = problem is null;
        _consecutiveFailures = healthy ? 0 : _consecutiveFailures + 1;
        var updated = _status.Update(s =>
        {
            var state = ResourceStateRules.AfterProbe(s.State, healthy, _consecutiveFailures);
            var message = state is ResourceState.Running or ResourceState.Unhealthy ? problem : s.Message;
            return s with { State = state, Message = state == ResourceState.Healthy ? null : message };
        });
        _becameHealthy |= updated.State == ResourceState.Healthy;
        if (!_becameHealthy && !_warnedNotHealthy && DateTimeOffset.UtcNow - updated.StartedAt > NotHealthyWarningAfter)
        {
            _warnedNotHealthy = true;
            Log.NotHealthyYet(_logger, _resource.Name, NotHealthyWarningAfter.TotalSeconds, problem ?? "no answer");
        }
    }

    private async Task WatchExitAsync(Task monitor)
    {
        await _process.WaitForExitAsync(CancellationToken.None);
        await _running.CancelAsync();
        try
        {
            await monitor;
        }
        catch (OperationCanceledException)
        {
            // The monitor's normal end.
        }
#pragma warning disable CA1031 // Whatever broke the monitor, the exit must still be recorded, or waiters hang.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.MonitorFailed(_logger, _resource.Name, ex);
        }

        var exitCode = _process.ExitCode;
        var state = ResourceStateRules.AfterExit(_stopRequested, _becameHealthy);
        var message = state == ResourceState.FailedToStart ? $"exited with code {exitCode} before becoming healthy"
            : _stopRequested ? null
            : $"exited unexpectedly with code {exitCode}";
        _status.Update(s => s with { State = state, ExitCode = exitCode, ProcessId = null, Message = message });
        if (state == ResourceState.Exited && !_stopRequested)
        {
            Log.ExitedUnexpectedly(_logger, _resource.Name, exitCode, _tail());
        }
    }
}
