using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Browser;

[Collection(PageInABrowser.Name)]
public class PageAccessibilityTests(PageFixture fixture)
{
    private static readonly string AxeSource = PageFixture.TestScript("axe-core", "axe.min.js");

    // axe-core runs inside the page (evaluated through the DevTools protocol, so the page's CSP stays as it is);
    // only serious and critical violations fail, each named with the elements it found.
    internal static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        await page.EvaluateAsync(AxeSource).Bounded();
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
            """).Bounded();
        Assert.True(violations.GetArrayLength() == 0, $"{where}: {string.Join("; ", violations.EnumerateArray())}");
    }

    [Fact]
    public async Task TheMainPageTheShareDialogAndTheSharePageHaveNoSeriousAccessibilityViolationInLightOrDark()
    {
        await using var browser = await fixture.OpenPageAsync();
        var page = browser.Page;
        var csp = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                csp.Add(message.Text);
            }
        };
        var run = Guid.NewGuid().ToString("N")[..6];
        var name = $"meeting-notes-{run}.txt";
        await page.Locator("#file-input").SetInputFilesAsync([
            PageActions.Payload($"team-photo-{run}.jpg", RandomNumberGenerator.GetBytes(2_400_000), "image/jpeg"),
            PageActions.Payload($"budget-2026-{run}.xlsx", RandomNumberGenerator.GetBytes(180_000), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            PageActions.Payload(name, "Agenda: share links."u8.ToArray(), "text/plain"),
        ]).Bounded();
        await Expect(page.FileRow(name)).ToBeVisibleAsync().Bounded();
        await Expect(page.Locator("#uploads .done")).ToHaveCountAsync(3).Bounded();
        await page.Locator("#filter").FillAsync(run).Bounded();
        await Expect(page.Locator("#files tr")).ToHaveCountAsync(3).Bounded();

        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme }).Bounded();
            await AssertNoSeriousViolationsAsync(page, $"main page ({scheme})");
        }

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light }).Bounded();
        await page.SetViewportSizeAsync(1200, 1000).Bounded();
        await browser.ScreenshotAsync("main-page-light");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Share {name}" }).ClickAsync().Bounded();
        await page.Locator("#share-dialog").GetByLabel("Password").FillAsync("pw").Bounded();
        await page.Locator("#share-dialog").GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync().Bounded();
        await Expect(page.Locator("#share-qr")).ToHaveAttributeAsync("data-modules", new System.Text.RegularExpressions.Regex("^[0-9]+$")).Bounded();
        await AssertNoSeriousViolationsAsync(page, "share dialog");
        var url = await page.Locator("#share-url").InputValueAsync().Bounded();

        await using var visitor = await fixture.OpenPageAsync(withKey: false, path: new Uri(url).AbsolutePath);
        await Expect(visitor.Page.GetByLabel("Password")).ToBeVisibleAsync().Bounded();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await visitor.Page.EmulateMediaAsync(new() { ColorScheme = scheme }).Bounded();
            await AssertNoSeriousViolationsAsync(visitor.Page, $"share page ({scheme})");
        }

        Assert.Empty(csp);
    }

    [Fact]
    public async Task WithTheKeyboardAloneAPersonReachesTheDropZoneUploadsAndReachesTheFileActions()
    {
        await using var browser = await fixture.OpenPageAsync();
        var page = browser.Page;
        await Expect(page.Locator("#files-status")).Not.ToHaveTextAsync("Loading files…").Bounded();
        var name = $"keyboard-{Guid.NewGuid():N}.txt";

        await page.TabToAsync("e.id === 'drop-zone'");
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle").Bounded();
        Assert.NotEqual("none", outline);
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Enter")).Bounded();
        Assert.True(chooser.IsMultiple);
        await chooser.SetFilesAsync(PageActions.Payload(name, [4, 5, 6])).Bounded();
        await Expect(page.FileRow(name)).ToBeVisibleAsync().Bounded();
        await Expect(page.Locator("#announcer")).ToContainTextAsync($"{name} uploaded.").Bounded();

        await page.TabToAsync($"e.getAttribute('aria-label') === {JsonSerializer.Serialize($"Share {name}")}", maxPresses: 100);
        await page.Keyboard.PressAsync("Enter").Bounded();
        await Expect(page.Locator("#share-dialog")).ToBeVisibleAsync().Bounded();
        Assert.Equal("share-expiry", await page.EvaluateAsync<string>("document.activeElement.id").Bounded());
        await page.Keyboard.PressAsync("Escape").Bounded();
        await Expect(page.Locator("#share-dialog")).ToBeHiddenAsync().Bounded();
    }

    [Fact]
    public async Task AtPhoneWidthEveryFileActionIsOnScreen()
    {
        await using var browser = await fixture.OpenPageAsync();
        var page = browser.Page;
        await page.SetViewportSizeAsync(375, 740).Bounded();
        var name = $"phone-{Guid.NewGuid():N}-with-a-long-name-that-has-to-wrap.txt";

        await page.Locator("#file-input").SetInputFilesAsync(PageActions.Payload(name, [7])).Bounded();

        await Expect(page.FileRow(name)).ToBeVisibleAsync().Bounded();
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth").Bounded());
        foreach (var action in new[] { "Download", "Copy link to", "Share", "Delete" })
        {
            var box = await page.GetByRole(AriaRole.Button, new() { Name = $"{action} {name}" }).BoundingBoxAsync().Bounded();
            Assert.NotNull(box);
            Assert.InRange(box.X + box.Width, 0, 375);
        }
    }
}
