using Microsoft.Playwright;

namespace CloudPocket.Tests.Browser;

/// <summary>A fresh browser context (no cookies: not logged in) with one page, closed on dispose.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    // Where screenshots go when CLOUDPOCKET_SCREENSHOTS names a folder; none are taken otherwise.
    private static readonly string? ScreenshotDirectory = Environment.GetEnvironmentVariable("CLOUDPOCKET_SCREENSHOTS");

    private readonly IBrowserContext _context;

    private BrowserSession(IBrowserContext context, IPage page) => (_context, Page) = (context, page);

    public IPage Page { get; }

    internal static async Task<BrowserSession> OpenAsync(IBrowser browser)
    {
        // English whatever the machine's locale: the tests read the dashboard's words ("Running", "Log in").
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1400, Height = 700 },
            Locale = "en-US",
        }).Bounded();
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        try
        {
            return new BrowserSession(context, await context.NewPageAsync().Bounded());
        }
        catch
        {
            await context.CloseAsync().Bounded();
            throw;
        }
    }

    /// <summary>Saves what the page shows now as <c>{name}.png</c>, when screenshots are asked for.</summary>
    public async Task ScreenshotAsync(string name)
    {
        if (ScreenshotDirectory is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            await Page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{name}.png") }).Bounded();
        }
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync().Bounded(TimeSpan.FromSeconds(30));
}
