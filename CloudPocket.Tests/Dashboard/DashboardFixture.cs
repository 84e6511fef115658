using CloudPocket.AppHost.Testing;
using Microsoft.Playwright;

namespace CloudPocket.Tests.Dashboard;

// The whole application with its dashboard on a free port, and one headless Chromium; each test opens its own context.
public sealed class DashboardFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private TestingAppHost? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public TestingAppHost App => _app ?? throw new InvalidOperationException("The application is not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        _app = await TestingAppHost.StartWithDashboardAsync(timeout.Token);
        _playwright = await Playwright.CreateAsync().Within();
        _browser = await ChromiumLauncher.LaunchAsync(_playwright).Within();
    }

    /// <summary>A fresh browser context (no cookies); logged in through the printed login URL when asked.</summary>
    public async Task<DashboardSession> OpenAsync(bool loggedIn)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser is not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.DashboardUrl.ToString() }).Within();
        context.SetDefaultTimeout(Bounded.Milliseconds(Bounded.Step));
        var session = new DashboardSession(context, await context.NewPageAsync().Within());
        if (loggedIn)
        {
            await session.Page.GotoAsync(App.DashboardLoginUrl.ToString()).Within();
        }

        return session;
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_browser is not null)
            {
                await _browser.CloseAsync().Within();
            }
        }
        finally
        {
            _playwright?.Dispose();
            if (_app is not null)
            {
                await _app.DisposeAsync().AsTask().Within(TimeSpan.FromSeconds(30));
            }
        }
    }
}
