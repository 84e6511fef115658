using System.ComponentModel;
using CloudPocket.AppHost.ApplicationModel;
using CloudPocket.AppHost.Diagnostics;
using CloudPocket.AppHost.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>
/// Runs one process resource across its lifetime: waits for its dependencies, launches a <see cref="ProcessRun"/>,
/// keeps its output, and serialises Start and Stop.
/// </summary>
internal sealed class ResourceRunner : IAsyncDisposable
{
    private const int LastLinesShown = 15;

    private readonly RunnerContext _context;
    private readonly StatusCell _status;
    private readonly ILogger _echo;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    // Stop cancels a start still waiting for its dependencies instead of waiting for it.
    private CancellationTokenSource _pendingStart = new();
    private ProcessRun? _run;
    private int _launches;

    public ResourceRunner(ExecutableAppResource resource, RunnerContext context)
    {
        Resource = resource;
        _context = context;
        Logs = new LogRing(resource.Name, context.Options.LogCapacity);
        _echo = context.LoggerFactory.CreateLogger(AppHostConsoleFormatter.ResourceCategoryPrefix + resource.Name);
        _logger = context.LoggerFactory.CreateLogger(AppHostConsoleFormatter.AppHostCategory);
        var initial = new ResourceSnapshot(resource.Name, ResourceTypeName(resource), ResourceState.NotStarted, resource.GetEndpoint());
        _status = new StatusCell(initial, context.StateChanged);
    }

    public ExecutableAppResource Resource { get; }

    public LogRing Logs { get; }

    public ResourceSnapshot Snapshot => _status.Current;

    private bool IsRunning => _run is { Exited.IsCompleted: false };

    /// <summary>Returns once the process is launched (or already running); see <see cref="WaitForHealthyAsync"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var start = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _pendingStart.Token);
        await _gate.WaitAsync(start.Token);
        try
        {
            if (IsRunning)
            {
                return;
            }

            await WaitForDependenciesAsync(start.Token);
            Launch();
        }
        catch (OperationCanceledException) when (_status.Current.State == ResourceState.Waiting)
        {
            _status.Update(s => s with { State = ResourceState.NotStarted, Message = null });
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Waits for Healthy; throws when the resource failed to start instead.</summary>
    public async Task WaitForHealthyAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _status.WaitAsync(s => s.State is ResourceState.Healthy or ResourceState.FailedToStart, cancellationToken);
        if (snapshot.State == ResourceState.FailedToStart)
        {
            throw StartFailure();
        }
    }

    /// <summary>Why the last start failed, with the last lines of output.</summary>
    public ResourceStartException StartFailure() =>
        new(Resource.Name, Snapshot.Message ?? "unknown reason", [.. Logs.Tail(LastLinesShown).Select(l => l.Text)]);

    /// <summary>SIGTERM, then a kill of the process tree after <paramref name="gracePeriod"/>; returns once it has exited.</summary>
    public async Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        await Interlocked.Exchange(ref _pendingStart, new CancellationTokenSource()).CancelAsync();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (IsRunning)
            {
                await _run!.StopAsync(gracePeriod);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void KillNow() => _run?.KillNow();

    public async ValueTask DisposeAsync()
    {
        await StopAsync(_context.Options.StopGracePeriod, CancellationToken.None);
        _run?.Dispose();
        _gate.Dispose();
    }

    private async Task WaitForDependenciesAsync(CancellationToken cancellationToken)
    {
        foreach (var dependency in Resource.GetAnnotations<WaitForAnnotation>().Select(w => _context.Lookup(w.Dependency)))
        {
            if (dependency.Snapshot.State == ResourceState.Healthy)
            {
                continue;
            }

            _status.Update(s => s with { State = ResourceState.Waiting, Message = $"for {dependency.Resource.Name}" });
            try
            {
                await dependency.WaitForHealthyAsync(cancellationToken);
            }
            catch (ResourceStartException)
            {
                var reason = $"it waits for {dependency.Resource.Name}, which failed to start";
                _status.Update(s => s with { State = ResourceState.FailedToStart, Message = reason });
                throw new ResourceStartException(Resource.Name, reason, []);
            }
        }
    }

    private void Launch()
    {
        _status.Update(s => s with { State = ResourceState.Starting, Message = null, ExitCode = null });
        System.Diagnostics.Process process;
        try
        {
            process = ProcessLauncher.Start(LaunchSpec.For(Resource), OnOutput);
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            var reason = $"could not launch {Resource.Command}: {ex.Message}";
            _status.Update(s => s with { State = ResourceState.FailedToStart, Message = reason });
            throw new ResourceStartException(Resource.Name, reason, []);
        }

        var restarts = _launches++;
        _status.Update(s => s with
        {
            State = ResourceState.Running,
            ProcessId = process.Id,
            StartedAt = DateTimeOffset.UtcNow,
            RestartCount = restarts,
            Message = null,
        });
        _run?.Dispose();
        _run = new ProcessRun(process, Resource, _status, _logger, Tail, _context.Options.HealthProbeInterval);
    }

    private void OnOutput(string line, bool isError)
    {
        var entry = Logs.Add(line, isError);
        Log.ResourceOutput(_echo, line);
        _context.LogWritten(entry);
    }

    private string Tail() => string.Concat(Logs.Tail(LastLinesShown).Select(l => Environment.NewLine + "    " + l.Text));

    private static string ResourceTypeName(ExecutableAppResource resource) => resource switch
    {
        S3EmulatorResource => "S3Emulator",
        ProjectAppResource => "Project",
        _ => "Executable",
    };
}
