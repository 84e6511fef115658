using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Browser;

// Where things are on the dashboard's pages, found the way its markup labels them for screen readers where it can.
internal static class Dashboard
{
    /// <summary>Opens the token login URL and waits for the resources grid it lands on.</summary>
    public static async Task LogInAsync(this IPage page, Uri loginUrl)
    {
        await page.GotoAsync(loginUrl.ToString()).Bounded();
        await Expect(page.Locator("tr.resource-row").First).ToBeVisibleAsync().Bounded();
    }

    /// <summary>The resources grid's row of <paramref name="name"/>; its first cell is labelled "Project: api", "Executable: s3".</summary>
    public static ILocator ResourceRow(this IPage page, string name) =>
        page.Locator("tr.resource-row").Filter(new() { Has = page.Locator($"td[aria-label$=': {name}']") });

    /// <summary>
    /// The state as the row shows it: "Running", "Running (Unhealthy)", "Finished". The unread-error badge that may
    /// follow it is not part of it.
    /// </summary>
    public static ILocator State(this ILocator row) => row.Locator(".state-column-cell > span").First;

    /// <summary>The start time cell; its tooltip has the date and time to the second, and changes with every new run.</summary>
    public static ILocator StartTime(this ILocator row) => row.GetByRole(AriaRole.Gridcell).Nth(2);
}
