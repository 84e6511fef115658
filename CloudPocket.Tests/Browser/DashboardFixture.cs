using Aspire.Hosting;
using Aspire.Hosting.Testing;
using CloudPocket.Tests.Support;
using Microsoft.Playwright;

namespace CloudPocket.Tests.Browser;

// The whole application with Aspire's real dashboard, as `dotnet run` starts it (temporary data folder, generated
// API key), and one headless Chromium; each test gets its own browser context, so each starts logged out.
public sealed class DashboardFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("cloudpocket-browser-").FullName;
    private DistributedApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _apiKey = "";

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The application is not started.");

    /// <summary>The dashboard's token login URL (<c>/login?t=…</c>), as the AppHost prints it.</summary>
    public Uri LoginUrl { get; private set; } = null!;

    /// <summary>The dashboard's address without the token.</summary>
    public Uri DashboardUrl => new(LoginUrl.GetLeftPart(UriPartial.Authority));

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            _app = await AppHostRun.StartAsync(["--Api:RequireKey=true", $"--S3:DataDirectory={_dataDirectory}"], timeout.Token,
                withDashboard: true);
            _apiKey = await AppHostRun.ParameterValueAsync(_app, "api-key", timeout.Token);
            LoginUrl = await _app.GetDashboardUrlAsync(timeout.Token);
            _playwright = await Playwright.CreateAsync().WaitAsync(timeout.Token);
            _browser = await Chromium.LaunchAsync(_playwright).WaitAsync(timeout.Token);
            // The dashboard is a live Blazor app: what it shows arrives a moment after the fact.
            Assertions.SetDefaultExpectTimeout(30_000);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public Task<BrowserSession> OpenBrowserAsync() =>
        BrowserSession.OpenAsync(_browser ?? throw new InvalidOperationException("The browser is not started."));

    /// <summary>A client for the API that sends this run's key, through the API's stable (proxied) address.</summary>
    public HttpClient CreateApiClient()
    {
        var client = App.CreateHttpClient("api");
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.Add("X-Api-Key", _apiKey);
        return client;
    }

    // Also called by a failed InitializeAsync, and then again by xunit: each part is let go of once.
    public async Task DisposeAsync()
    {
        var (browser, playwright, app) = (_browser, _playwright, _app);
        (_browser, _playwright, _app) = (null, null, null);
        try
        {
            if (browser is not null)
            {
                await browser.CloseAsync().Bounded(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            playwright?.Dispose();
            try
            {
                if (app is not null)
                {
                    await app.DisposeAsync().AsTask().Bounded();
                }
            }
            finally
            {
                if (Directory.Exists(_dataDirectory))
                {
                    Directory.Delete(_dataDirectory, recursive: true);
                }
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardInABrowser : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard in a browser";
}
