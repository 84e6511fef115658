using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;

namespace CloudPocket.Tests.Browser;

// The whole application with Aspire's real dashboard, as `dotnet run` starts it (temporary data folder, generated
// API key), and one headless Chromium; each test gets its own browser context, so each starts logged out.
public sealed class DashboardFixture : AppInABrowserFixture
{
    /// <summary>The dashboard's token login URL (<c>/login?t=…</c>), as the AppHost prints it.</summary>
    public Uri LoginUrl { get; private set; } = null!;

    /// <summary>The dashboard's address without the token.</summary>
    public Uri DashboardUrl => new(LoginUrl.GetLeftPart(UriPartial.Authority));

    public override async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            Started(await AppInABrowser.StartAsync("cloudpocket-browser-", withDashboard: true, timeout.Token));
            LoginUrl = await App.GetDashboardUrlAsync(timeout.Token);
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
}

[CollectionDefinition(Name)]
public sealed class DashboardInABrowser : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard in a browser";
}
