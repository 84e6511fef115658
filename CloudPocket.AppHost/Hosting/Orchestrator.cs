using System.Diagnostics;
using CloudPocket.AppHost.ApplicationModel;
using CloudPocket.AppHost.Diagnostics;
using CloudPocket.AppHost.Orchestration;
using CloudPocket.AppHost.Testing;
using Microsoft.Extensions.Logging;

namespace CloudPocket.AppHost.Hosting;

/// <summary>
/// The built app: starts resources in dependency order, watches them, and stops them in reverse order.
/// States and logs are observable (<see cref="WatchStatesAsync"/>, <see cref="WatchLogsAsync"/>) for the dashboard.
/// </summary>
public sealed class Orchestrator : IAsyncDisposable
{
    // The whole shutdown must fit in 10 s, whatever the number of resources.
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(9);

    private readonly Dictionary<string, ResourceRunner> _runners;
    private readonly List<ResourceRunner> _ordered;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TestingHook? _hook;
    private readonly ConsoleStateReporter _reporter;
    private readonly Broadcaster<ResourceSnapshot> _states = new();
    private readonly Broadcaster<LogLine> _logs = new();
    private readonly OrphanGuard _orphanGuard;
    private bool _preflightPassed;
    private bool _disposed;

    internal Orchestrator(IReadOnlyList<ExecutableAppResource> startupOrder, AppModelOptions options, TestingHook? hook)
    {
        Options = options;
        Resources = startupOrder;
        _hook = hook;
        _loggerFactory = AppHostConsole.CreateLoggerFactory(options.ConsoleOutput);
        _logger = _loggerFactory.CreateLogger(AppHostConsoleFormatter.AppHostCategory);
        _reporter = new ConsoleStateReporter(_logger);
        var context = new RunnerContext(options, _loggerFactory, r => _runners![r.Name], OnStateChanged, _logs.Publish);
        _ordered = [.. startupOrder.Select(r => new ResourceRunner(r, context))];
        _runners = _ordered.ToDictionary(r => r.Resource.Name, StringComparer.OrdinalIgnoreCase);
        _orphanGuard = new OrphanGuard(_ordered);
    }

    public AppModelOptions Options { get; }

    /// <summary>In startup order: every resource comes after the ones it waits for.</summary>
    public IReadOnlyList<ExecutableAppResource> Resources { get; }

    public Uri GetEndpoint(string resourceName) =>
        Runner(resourceName).Resource.GetEndpoint() ?? throw new InvalidOperationException($"'{resourceName}' has no endpoint.");

    public ResourceSnapshot GetSnapshot(string resourceName) => Runner(resourceName).Snapshot;

    public IReadOnlyList<ResourceSnapshot> GetSnapshots() => [.. _ordered.Select(r => r.Snapshot)];

    public IReadOnlyList<LogLine> GetLogs(string resourceName) => Runner(resourceName).Logs.Tail();

    /// <summary>Current snapshots first, then every change.</summary>
    public IAsyncEnumerable<ResourceSnapshot> WatchStatesAsync(CancellationToken cancellationToken = default) =>
        _states.WatchAsync(GetSnapshots, cancellationToken);

    /// <summary>Kept lines of every resource first, then every new line.</summary>
    public IAsyncEnumerable<LogLine> WatchLogsAsync(CancellationToken cancellationToken = default) =>
        _logs.WatchAsync(() => _ordered.SelectMany(r => r.Logs.Tail()), cancellationToken);

    /// <summary>Starts every resource (each after what it waits for) and returns once all are Healthy.</summary>
    /// <exception cref="AppHostException">A preflight check failed or a resource failed to start.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        RunPreflightChecks();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var starts = _ordered.Select(r => StartAndWaitAsync(r, failed)).ToList();
        try
        {
            await Task.WhenAll(starts);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && _ordered.Any(r => r.Snapshot.State == ResourceState.FailedToStart))
        {
            // Read from the states, not the exceptions (the first failure cancels the other waits): every resource that
            // failed, in startup order, so the root cause comes first and then whoever waited for it.
            var failures = _ordered.Where(r => r.Snapshot.State == ResourceState.FailedToStart).Select(r => r.StartFailure()).ToList();
            throw failures.Count == 1 ? failures[0] : new AppHostException([.. failures.Select(f => f.Message)]);
        }
    }

    /// <summary>Stops every resource, dependents first, within about 10 s.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var runner in Enumerable.Reverse(_ordered))
        {
            var left = StopBudget - deadline.Elapsed - TimeSpan.FromSeconds(1);
            var grace = TimeSpan.FromTicks(Math.Clamp(left.Ticks, TimeSpan.FromMilliseconds(500).Ticks, Options.StopGracePeriod.Ticks));
            await runner.StopAsync(grace, cancellationToken);
        }
    }

    /// <summary>Starts one resource (after what it waits for) and returns once it is Healthy.</summary>
    public async Task StartResourceAsync(string resourceName, CancellationToken cancellationToken)
    {
        var runner = Runner(resourceName);
        await runner.StartAsync(cancellationToken);
        await runner.WaitForHealthyAsync(cancellationToken);
    }

    /// <summary>Stops one resource and returns once its process has exited. Its port stays reserved for a later start.</summary>
    public Task StopResourceAsync(string resourceName, CancellationToken cancellationToken) =>
        Runner(resourceName).StopAsync(Options.StopGracePeriod, cancellationToken);

    public async Task RestartResourceAsync(string resourceName, CancellationToken cancellationToken)
    {
        await StopResourceAsync(resourceName, cancellationToken);
        await StartResourceAsync(resourceName, cancellationToken);
    }

    public Task WaitForHealthyAsync(string resourceName, CancellationToken cancellationToken) =>
        Runner(resourceName).WaitForHealthyAsync(cancellationToken);

    /// <summary>
    /// Runs until Ctrl+C / SIGTERM: starts everything, prints the table, then stops everything. Failures are reported
    /// as clear lines and a non-zero exit code. Under <see cref="TestingAppHost"/> it hands this app to the test instead.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (_hook is not null)
        {
            _hook.Capture(this);
            return;
        }

        await using (this)
        {
            Environment.ExitCode = await new ConsoleRun(this, _logger).RunAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync(CancellationToken.None);
        _orphanGuard.Dispose();
        foreach (var runner in _ordered)
        {
            await runner.DisposeAsync();
        }

        // Flushes the console queue, so the last lines are not lost at exit.
        _loggerFactory.Dispose();
    }

    private void RunPreflightChecks()
    {
        if (_preflightPassed)
        {
            return;
        }

        var problems = Resources.SelectMany(r => r.GetAnnotations<PreflightAnnotation>()).Select(p => p.Check()).OfType<string>()
            .Concat(PortAllocator.FindTakenFixedPorts(Resources))
            .ToList();
        if (problems.Count > 0)
        {
            throw new AppHostException(problems);
        }

        _preflightPassed = true;
    }

    private static async Task StartAndWaitAsync(ResourceRunner runner, CancellationTokenSource failed)
    {
        try
        {
            await runner.StartAsync(failed.Token);
            await runner.WaitForHealthyAsync(failed.Token);
        }
        catch (ResourceStartException)
        {
            // One failure ends the start: the others would otherwise wait for it forever.
            await failed.CancelAsync();
            throw;
        }
    }

    private void OnStateChanged(ResourceSnapshot snapshot)
    {
        _reporter.Report(snapshot);
        _states.Publish(snapshot);
    }

    private ResourceRunner Runner(string resourceName) =>
        _runners.TryGetValue(resourceName, out var runner)
            ? runner
            : throw new ArgumentException($"No resource named '{resourceName}'. Known: {string.Join(", ", _runners.Keys)}.", nameof(resourceName));
}
