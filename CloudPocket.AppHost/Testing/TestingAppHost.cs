using System.Reflection;
using System.Runtime.ExceptionServices;
using CloudPocket.AppHost.Dashboard;
using CloudPocket.AppHost.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudPocket.AppHost.Testing;

/// <summary>
/// Runs the AppHost's own Program (the same app model as <c>dotnet run</c>) inside a test, with free ports, a temp
/// data folder and no console echo, and gives the test its endpoints, states and logs.
/// </summary>
public sealed class TestingAppHost : IAsyncDisposable
{
    private readonly Orchestrator _app;
    private readonly string _dataRoot;
    private readonly DashboardServer? _dashboard;

    private TestingAppHost(Orchestrator app, string dataRoot, DashboardServer? dashboard = null)
    {
        _app = app;
        _dataRoot = dataRoot;
        _dashboard = dashboard;
    }

    /// <summary>Runs the AppHost's Program under the testing hook, starts every resource and waits until all are Healthy.</summary>
    /// <exception cref="InvalidOperationException">Something did not start; the message has each resource's last output.</exception>
    public static Task<TestingAppHost> StartAsync(CancellationToken cancellationToken, params string[] args) =>
        StartCoreAsync(withDashboard: false, args, cancellationToken);

    /// <summary>As <see cref="StartAsync"/>, plus the dashboard on a free loopback port (see <see cref="DashboardLoginUrl"/>).</summary>
    public static Task<TestingAppHost> StartWithDashboardAsync(CancellationToken cancellationToken, params string[] args) =>
        StartCoreAsync(withDashboard: true, args, cancellationToken);

    /// <summary>The dashboard's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri DashboardUrl => Dashboard.Url;

    /// <summary>The dashboard's login token; <see cref="DashboardLoginUrl"/> carries it.</summary>
    public string DashboardToken => Dashboard.Token;

    /// <summary>Opening it logs a browser in (sets the HttpOnly session cookie) and redirects to the resources page.</summary>
    public Uri DashboardLoginUrl => Dashboard.LoginUrl;

    private DashboardServer Dashboard =>
        _dashboard ?? throw new InvalidOperationException("This app was started without the dashboard: use StartWithDashboardAsync.");

    private static async Task<TestingAppHost> StartCoreAsync(bool withDashboard, string[] args, CancellationToken cancellationToken)
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

        // The dashboard first, as under dotnet run: the resources get its OTLP address in their environment at launch.
        DashboardServer? dashboard = null;
        if (withDashboard)
        {
            try
            {
                dashboard = await DashboardServer.StartAsync(app, new DashboardSettings(Enabled: true, Port: 0), NullLogger.Instance, cancellationToken);
            }
            catch
            {
                await app.DisposeAsync();
                TestingDataRoot.Delete(hook.DataRoot);
                throw;
            }
        }

        try
        {
            await TestingStartup.StartOrCleanUpAsync(app, hook.DataRoot, cancellationToken);
        }
        catch when (dashboard is not null)
        {
            await dashboard.DisposeAsync();
            throw;
        }

        return new TestingAppHost(app, hook.DataRoot, dashboard);
    }

    /// <summary>A client for the resource's endpoint that sends the resource's generated API key, if it has one.</summary>
    public HttpClient CreateHttpClient(string resourceName)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }, disposeHandler: true) { BaseAddress = GetEndpoint(resourceName) };
        if (GetApiKey(resourceName) is { } key)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>The API key the AppHost generated for the resource this run, or null.</summary>
    public string? GetApiKey(string resourceName) => _app.Resources.Single(r => r.Name == resourceName).GetApiKey();

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
        // The resources first, as under dotnet run: their exporters flush their last telemetry to a live receiver.
        await _app.DisposeAsync();
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }

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
