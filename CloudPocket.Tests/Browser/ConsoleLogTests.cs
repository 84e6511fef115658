using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CloudPocket.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Browser;

[Collection(DashboardInABrowser.Name)]
public class ConsoleLogTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AnUploadsStoredLineShowsInTheApiConsoleLog()
    {
        var filename = $"console-{Guid.NewGuid():N}.txt";
        var bytes = RandomNumberGenerator.GetBytes(1234);
        using var api = fixture.CreateApiClient();
        var upload = await api.UploadAsync(bytes, filename).Bounded();
        await using var browser = await fixture.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsync(fixture.LoginUrl);

        // The row's own button, as a user would open the log.
        await page.ResourceRow("api").GetByRole(AriaRole.Button, new() { Name = "Console logs" }).ClickAsync().Bounded();

        await Expect(page).ToHaveURLAsync(new Regex("/consolelogs/resource/api")).Bounded();
        await Expect(page.GetByText($"Stored {filename} as {upload.S3Key} ({bytes.Length} bytes)")).ToBeVisibleAsync().Bounded();
    }
}
