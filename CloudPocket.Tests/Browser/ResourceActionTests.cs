using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Browser;

[Collection(DashboardInABrowser.Name)]
public class ResourceActionTests(DashboardFixture fixture)
{
    // Stop, then a new process that must pass its health check: longer than the default wait.
    private static readonly LocatorAssertionsToHaveTextOptions NewRun = new() { Timeout = 90_000 };

    [Fact]
    public async Task RestartingApiFromItsMenuBringsItBackRunningAndAnswering()
    {
        try
        {
            await using var browser = await fixture.OpenBrowserAsync();
            var page = browser.Page;
            await page.LogInAsync(fixture.LoginUrl);
            var row = page.ResourceRow("api");
            var startedBefore = await row.StartTime().GetAttributeAsync("title").Bounded();

            await row.GetByRole(AriaRole.Button, new() { Name = "Actions" }).ClickAsync().Bounded();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Restart" }).ClickAsync().Bounded();

            // A new run shows a new start time; "Running" alone could still be the old process.
            await Expect(row.StartTime()).Not.ToHaveAttributeAsync("title", startedBefore!, new() { Timeout = 90_000 })
                .Bounded(TimeSpan.FromSeconds(100));
            await Expect(row.State()).ToHaveTextAsync("Running", NewRun).Bounded(TimeSpan.FromSeconds(100));
            using var api = fixture.CreateApiClient();
            using var files = await api.GetAsync("/files/").Bounded();
            Assert.Equal(HttpStatusCode.OK, files.StatusCode);
        }
        finally
        {
            await fixture.EnsureRunningAsync("api").Bounded(TimeSpan.FromSeconds(180));
        }
    }

    [Fact]
    public async Task StoppingS3MakesTheApiUnhealthyAndStartingItMakesItHealthyAgain()
    {
        try
        {
            await using var browser = await fixture.OpenBrowserAsync();
            var page = browser.Page;
            await page.LogInAsync(fixture.LoginUrl);
            var row = page.ResourceRow("s3");

            await row.GetByRole(AriaRole.Button, new() { Name = "Stop resource" }).ClickAsync().Bounded();

            await Expect(row.State()).ToHaveTextAsync(new Regex("^(Finished|Exited)$")).Bounded();
            // The API's readiness asks the bucket: with the emulator gone it must say so (503), not claim to be fine.
            await fixture.WaitForApiHealthAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30)).Bounded();

            await row.GetByRole(AriaRole.Button, new() { Name = "Start resource" }).ClickAsync().Bounded();

            await Expect(row.State()).ToHaveTextAsync("Running", NewRun).Bounded(TimeSpan.FromSeconds(100));
            await fixture.WaitForApiHealthAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(60)).Bounded(TimeSpan.FromSeconds(70));
        }
        finally
        {
            await fixture.EnsureRunningAsync("s3").Bounded(TimeSpan.FromSeconds(180));
        }
    }
}
