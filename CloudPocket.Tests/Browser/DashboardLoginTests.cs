using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Browser;

[Collection(DashboardInABrowser.Name)]
public class DashboardLoginTests(DashboardFixture fixture)
{
    [Fact]
    public async Task TheTokenLoginUrlShowsS3AndApiRunningAndHealthy()
    {
        await using var browser = await fixture.OpenBrowserAsync();
        var page = browser.Page;

        await page.LogInAsync(fixture.LoginUrl);

        // The token is swapped for a cookie and the dashboard lands on its resources page.
        await Expect(page).ToHaveURLAsync(fixture.DashboardUrl.ToString()).Bounded();
        // Exactly "Running": a failing health check would read "Running (Unhealthy)".
        await Expect(page.ResourceRow("s3").State()).ToHaveTextAsync("Running").Bounded();
        await Expect(page.ResourceRow("api").State()).ToHaveTextAsync("Running").Bounded();
        await browser.ScreenshotAsync("dashboard-resources");
    }

    [Fact]
    public async Task WithoutTheTokenTheDashboardAsksForOneAndShowsNoResources()
    {
        await using var browser = await fixture.OpenBrowserAsync();
        var page = browser.Page;

        await page.GotoAsync(fixture.DashboardUrl.ToString()).Bounded();

        await Expect(page).ToHaveURLAsync(new Regex("/login")).Bounded();
        // The login form: one field, for the token ("Enter token to log in...").
        await Expect(page.GetByRole(AriaRole.Textbox)).ToBeVisibleAsync().Bounded();
        await Expect(page.GetByText("Where do I find the token?")).ToBeVisibleAsync().Bounded();
        await Expect(page.Locator("tr.resource-row")).ToHaveCountAsync(0).Bounded();
        await Expect(page.GetByText("api", new() { Exact = true })).ToHaveCountAsync(0).Bounded();
    }
}
