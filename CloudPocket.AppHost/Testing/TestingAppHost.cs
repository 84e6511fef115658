using System.Reflection;
using System.Runtime.ExceptionServices;
using CloudPocket.AppHost.Hosting;

namespace CloudPocket.AppHost.Testing;

/// <summary>
/// Runs the AppHost's own Program (the same app model as <c>dotnet run</c>) inside a test, with free ports, a temp
/// data folder and no console echo, and gives the test its endpoints, states and logs.
/// </summary>
public sealed class TestingAppHost : IAsyncDisposable
{
    private readonly Orchestrator _app;
    private readonly string _dataRoot;

    private TestingAppHost(Orchestrator app, string dataRoot)
    {
        _app = app;
        _dataRoot = dataRoot;
    }

    /// <summary>Runs the AppHost's Program under the testing hook, starts every resource and waits until all are Healthy.</summary>
    /// <exception cref="InvalidOperationException">Something did not start; the message has each resource's last output.</exception>
    public static async Task<TestingAppHost> StartAsync(CancellationToken cancellationToken, params string[] args)
    {
        var hook = new TestingHook(TestingDataRoot.Create());
        Orchestrator app;
        try
        {
            app = await RunEntryPointAsync(hook, args ?? []).WaitAsync(cancellationToken);
        }
        catch
        {
            TestingDataRoot.Delete(hook.DataRoot);
            throw;
        }

        await TestingStartup.StartOrCleanUpAsync(app, hook.DataRoot, cancellationToken);
        return new TestingAppHost(app, hook.DataRoot);
    }

    public HttpClient CreateHttpClient(string resourceName) =>
        new(new SocketsHttpHandler { UseProxy = false }, disposeHandler: true) { BaseAddress = GetEndpoint(resourceName) };

    public Uri GetEndpoint(string resourceName) => _app.GetEndpoint(resourceName);

    public string GetState(string resourceName) => _app.GetSnapshot(resourceName).State.ToString();

    /// <summary>The process id while it runs, null otherwise.</summary>
    public int? GetProcessId(string resourceName) => _app.GetSnapshot(resourceName).ProcessId;

    public IReadOnlyList<string> GetLogs(string resourceName) => [.. _app.GetLogs(resourceName).Select(l => l.Text)];

    public Task StopResourceAsync(string resourceName, CancellationToken cancellationToken) =>
        _app.StopResourceAsync(resourceName, cancellationToken);

    public Task StartResourceAsync(string resourceName, CancellationToken cancellationToken) =>
        _app.StartResourceAsync(resourceName, cancellationToken);

    public Task RestartResourceAsync(string resourceName, CancellationToken cancellationToken) =>
        _app.RestartResourceAsync(resourceName, cancellationToken);

    public Task WaitForHealthyAsync(string resourceName, CancellationToken cancellationToken) =>
        _app.WaitForHealthyAsync(resourceName, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        TestingDataRoot.Delete(_dataRoot);
    }

    // The AppHost's Program is internal (the Api has a Program too): reach it through the assembly's entry point.
    private static Task<Orchestrator> RunEntryPointAsync(TestingHook hook, string[] args) => Task.Run(async () =>
    {
        hook.Install();
        var entryPoint = typeof(TestingAppHost).Assembly.EntryPoint
            ?? throw new InvalidOperationException("The AppHost assembly has no entry point.");
        object?[] parameters = entryPoint.GetParameters().Length == 0 ? [] : [args];
        try
        {
            if (entryPoint.Invoke(null, parameters) is Task main)
            {
                await main;
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
        }

        return hook.Built.IsCompleted
            ? await hook.Built
            : throw new InvalidOperationException("The AppHost's Program returned without calling Build().RunAsync().");
    });
}
