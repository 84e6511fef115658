using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Browser;

[Collection(PageInABrowser.Name)]
public class PageAccessTests(PageFixture fixture)
{
    [Fact]
    public async Task ThePageAsksForTheApiKeySaysWhenItIsWrongAndThenWorks()
    {
        await using var browser = await fixture.OpenPageAsync(withKey: false);
        var page = browser.Page;
        var dialog = page.Locator("#key-dialog");
        await Expect(dialog).ToBeVisibleAsync().Bounded();

        await dialog.GetByLabel("API key").FillAsync("not-the-key").Bounded();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync().Bounded();
        await Expect(dialog.Locator("#key-error")).ToHaveTextAsync("That API key was not accepted. Check it and try again.").Bounded();

        await dialog.GetByLabel("API key").FillAsync(fixture.ApiKey).Bounded();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync().Bounded();
        await Expect(dialog).ToBeHiddenAsync().Bounded();
        await Expect(page.Locator("#files-status")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("error")).Bounded();

        var name = $"keyed-{Guid.NewGuid():N}.txt";
        await page.Locator("#file-input").SetInputFilesAsync(PageActions.Payload(name, [1, 2, 3])).Bounded();
        await Expect(page.FileRow(name)).ToBeVisibleAsync().Bounded();
        Assert.Equal(fixture.ApiKey, await page.EvaluateAsync<string>("sessionStorage.getItem('cloudpocket.api-key')").Bounded());
        Assert.DoesNotContain(fixture.ApiKey, page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboardLinksTheApiToThePageAndTheApiReference()
    {
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("api", out var api));
        var urls = api.Snapshot.Urls.Select(u => u.Url).ToList();

        var page = Assert.Single(urls, u => new Uri(u).AbsolutePath == "/" && u.EndsWith('/') && urls.Contains(u.TrimEnd('/') + "/scalar"));
        using var client = fixture.App.CreateHttpClient("api");
        using var pageAnswer = await client.GetAsync(new Uri(page)).Bounded();
        using var scalar = await client.GetAsync(new Uri(page.TrimEnd('/') + "/scalar")).Bounded();
        Assert.Equal("text/html", pageAnswer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/html", scalar.Content.Headers.ContentType?.MediaType);
    }
}
