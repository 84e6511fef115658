using System.Diagnostics;
using CloudPocket.AppHost.ApplicationModel;
using CloudPocket.AppHost.Hosting;

namespace CloudPocket.Tests.AppHost;

public class ProcessLifecycleTests
{
    [Fact]
    public async Task ProcessGoesThroughStartingRunningHealthyStoppingExitedWithItsOutputCaptured()
    {
        var builder = TestModels.CreateBuilder();
        builder.AddShell("worker", "echo hello; echo oops >&2; exec sleep 30");
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TestModels.Timeout);
        var states = new List<ResourceState>();
        var subscribed = new TaskCompletionSource();
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            await foreach (var snapshot in app.WatchStatesAsync(watching.Token))
            {
                states.Add(snapshot.State);
                subscribed.TrySetResult();
            }
        });
        await subscribed.Task.WaitAsync(timeout.Token);

        await app.StartAsync(timeout.Token);
        await WaitForLogsAsync(app, "worker", 2, timeout.Token);
        await app.StopResourceAsync("worker", timeout.Token);
        await watching.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watcher);

        ResourceState[] expected = [ResourceState.NotStarted, ResourceState.Starting, ResourceState.Running, ResourceState.Healthy, ResourceState.Stopping, ResourceState.Exited];
        Assert.Equal(expected, states.Distinct());
        var logs = app.GetLogs("worker");
        Assert.Contains(logs, l => l is { Text: "hello", IsError: false });
        Assert.Contains(logs, l => l is { Text: "oops", IsError: true });
        Assert.Equal(128 + 15, app.GetSnapshot("worker").ExitCode); // killed by SIGTERM
    }

    [Fact]
    public async Task ProcessThatExitsBeforeBeingHealthyFailsToStartWithItsLastLines()
    {
        var builder = TestModels.CreateBuilder();
        builder.AddShell("broken", "echo 'cannot bind' >&2; exit 3").WithHttpEndpoint().WithHttpHealthCheck("/health");
        builder.AddShell("dependent", "exec sleep 30").WaitFor(builder.AddShell("other", "exec sleep 30"));
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TestModels.Timeout);

        var error = await Assert.ThrowsAsync<ResourceStartException>(() => app.StartAsync(timeout.Token));

        Assert.Equal("broken", error.ResourceName);
        Assert.StartsWith("broken failed to start: exited with code 3 before becoming healthy. Last output:", error.Message, StringComparison.Ordinal);
        Assert.Contains("    cannot bind", error.Message, StringComparison.Ordinal);
        Assert.Equal(ResourceState.FailedToStart, app.GetSnapshot("broken").State);
    }

    [Fact]
    public async Task MissingCommandFailsToStartInOneLine()
    {
        var builder = TestModels.CreateBuilder();
        builder.AddExecutable("ghost", "no-such-command-cloudpocket", ".");
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TestModels.Timeout);

        var error = await Assert.ThrowsAsync<ResourceStartException>(() => app.StartAsync(timeout.Token));

        Assert.Equal("ghost failed to start: could not launch no-such-command-cloudpocket: 'no-such-command-cloudpocket' was not found (not a file, not on PATH).", error.Message);
        Assert.Equal(ResourceState.FailedToStart, app.GetSnapshot("ghost").State);
    }

    [Fact]
    public async Task DependentStartsOnlyOnceItsDependencyIsHealthy()
    {
        var builder = TestModels.CreateBuilder();
        var database = builder.AddShell("database", "exec sleep 30").WithHttpEndpoint().WithHttpHealthCheck("/health");
        builder.AddShell("api", "exec sleep 30").WaitFor(database);
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TestModels.Timeout);

        var starting = app.StartAsync(timeout.Token);
        await WaitForStateAsync(app, "api", ResourceState.Waiting, timeout.Token);
        await Task.Delay(500, timeout.Token);
        Assert.Equal(ResourceState.Running, app.GetSnapshot("database").State);
        Assert.Equal(ResourceState.Waiting, app.GetSnapshot("api").State);
        Assert.Null(app.GetSnapshot("api").ProcessId);

        await using var health = await FakeHealthEndpoint.StartAsync(app.GetEndpoint("database"));
        await starting;

        Assert.Equal(ResourceState.Healthy, app.GetSnapshot("database").State);
        Assert.Equal(ResourceState.Healthy, app.GetSnapshot("api").State);
        Assert.True(app.GetSnapshot("api").StartedAt > app.GetSnapshot("database").StartedAt);
    }

    [Fact]
    public async Task HealthFlipsBetweenHealthyAndUnhealthyWhileTheProcessRuns()
    {
        var builder = TestModels.CreateBuilder();
        builder.AddShell("web", "exec sleep 30").WithHttpEndpoint().WithHttpHealthCheck("/health");
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TestModels.Timeout);
        await using var health = await FakeHealthEndpoint.StartAsync(app.GetEndpoint("web"));
        await app.StartAsync(timeout.Token);

        health.Status = System.Net.HttpStatusCode.ServiceUnavailable;
        var unhealthy = await WaitForStateAsync(app, "web", ResourceState.Unhealthy, timeout.Token);
        health.Status = System.Net.HttpStatusCode.OK;
        await app.WaitForHealthyAsync("web", timeout.Token);

        Assert.Equal("GET /health returned 503", unhealthy.Message);
        Assert.Null(app.GetSnapshot("web").Message);
    }

    [Fact]
    public async Task StartAfterStopReusesThePortAndCountsARestart()
    {
        var builder = TestModels.CreateBuilder();
        builder.AddShell("web", "exec sleep 30").WithHttpEndpoint();
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TestModels.Timeout);
        await app.StartAsync(timeout.Token);
        var first = app.GetSnapshot("web");

        await app.StopResourceAsync("web", timeout.Token);
        var stopped = app.GetSnapshot("web");
        await app.StartResourceAsync("web", timeout.Token);
        var second = app.GetSnapshot("web");

        Assert.Equal(ResourceState.Exited, stopped.State);
        Assert.Null(stopped.ProcessId);
        Assert.False(ProcessProbe.IsAlive(first.ProcessId!.Value));
        Assert.Equal(first.Endpoint, second.Endpoint);
        Assert.NotEqual(first.ProcessId, second.ProcessId);
        Assert.Equal((0, 1), (first.RestartCount, second.RestartCount));
    }

    [Fact]
    public async Task StopSendsSigtermFirst()
    {
        var builder = TestModels.CreateBuilder();
        builder.AddShell("polite", "trap 'echo got SIGTERM; exit 0' TERM; echo ready; while :; do sleep 0.1; done");
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TestModels.Timeout);
        await app.StartAsync(timeout.Token);
        await WaitForLogsAsync(app, "polite", 1, timeout.Token);

        await app.StopResourceAsync("polite", timeout.Token);

        Assert.Contains(app.GetLogs("polite"), l => l.Text == "got SIGTERM");
        Assert.Equal(0, app.GetSnapshot("polite").ExitCode);
    }

    [Fact]
    public async Task ProcessIgnoringSigtermIsKilledWithItsChildrenAfterTheGracePeriod()
    {
        var builder = TestModels.CreateBuilder(new AppModelOptions { StopGracePeriod = TimeSpan.FromMilliseconds(500) });
        builder.AddShell("stubborn", "trap '' TERM; sleep 30 & echo ready; wait");
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TestModels.Timeout);
        await app.StartAsync(timeout.Token);
        await WaitForLogsAsync(app, "stubborn", 1, timeout.Token);
        var pid = app.GetSnapshot("stubborn").ProcessId!.Value;
        var child = Assert.Single(ProcessProbe.ChildrenOf(pid));

        var clock = Stopwatch.StartNew();
        await app.StopResourceAsync("stubborn", timeout.Token);

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        Assert.Equal(ResourceState.Exited, app.GetSnapshot("stubborn").State);
        Assert.False(ProcessProbe.IsAlive(pid));
        Assert.True(await ProcessProbe.IsGoneWithinAsync(child, TimeSpan.FromSeconds(5)));
    }

    private static Task<ResourceSnapshot> WaitForStateAsync(Orchestrator app, string name, ResourceState state, CancellationToken cancellationToken) =>
        WaitAsync(() => app.GetSnapshot(name) is { } s && s.State == state ? s : null, cancellationToken);

    private static Task<ResourceSnapshot> WaitForLogsAsync(Orchestrator app, string name, int lines, CancellationToken cancellationToken) =>
        WaitAsync(() => app.GetLogs(name).Count >= lines ? app.GetSnapshot(name) : null, cancellationToken);

    private static async Task<ResourceSnapshot> WaitAsync(Func<ResourceSnapshot?> probe, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (probe() is { } snapshot)
            {
                return snapshot;
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}
