using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;

namespace CloudPocket.Tests.Browser;

// The whole application with Aspire's real dashboard, as `dotnet run` starts it (temporary data folder, generated
// API key), and one headless Chromium; each test gets its own browser context, so each starts logged out.
public sealed class DashboardFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private AppInABrowser? _run;

    public DistributedApplication App => Run.App;

    /// <summary>The dashboard's token login URL (<c>/login?t=…</c>), as the AppHost prints it.</summary>
    public Uri LoginUrl { get; private set; } = null!;

    /// <summary>The dashboard's address without the token.</summary>
    public Uri DashboardUrl => new(LoginUrl.GetLeftPart(UriPartial.Authority));

    private AppInABrowser Run => _run ?? throw new InvalidOperationException("The application is not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            _run = await AppInABrowser.StartAsync("cloudpocket-browser-", withDashboard: true, timeout.Token);
            LoginUrl = await _run.App.GetDashboardUrlAsync(timeout.Token);
            // The dashboard is a live Blazor app: what it shows arrives a moment after the fact.
            Assertions.SetDefaultExpectTimeout(30_000);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public Task<BrowserSession> OpenBrowserAsync() => BrowserSession.OpenAsync(Run.Browser);

    /// <summary>A client for the API that sends this run's key, through the API's stable (proxied) address.</summary>
    public HttpClient CreateApiClient() => Run.CreateApiClient();

    // Also called by a failed InitializeAsync, and then again by xunit: the run is let go of once.
    public async Task DisposeAsync()
    {
        var run = _run;
        _run = null;
        if (run is not null)
        {
            await run.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardInABrowser : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard in a browser";
}
