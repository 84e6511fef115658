using System.Net.Http.Json;
using System.Security.Cryptography;
using CloudPocket.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Browser;

[Collection(PageInABrowser.Name)]
public class PageShareTests(PageFixture fixture)
{
    private static async Task<string> CreateLinkInDialogAsync(IPage page, string name, string? maxDownloads = null, string? password = null)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Share {name}" }).ClickAsync().Bounded();
        var dialog = page.Locator("#share-dialog");
        await Expect(dialog).ToBeVisibleAsync().Bounded();
        if (maxDownloads is not null)
        {
            await dialog.GetByLabel("Maximum downloads").FillAsync(maxDownloads).Bounded();
        }

        if (password is not null)
        {
            await dialog.GetByLabel("Password").FillAsync(password).Bounded();
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync().Bounded();
        await Expect(dialog.Locator("#share-url")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/s/[a-z2-7]{52}$")).Bounded();
        return await dialog.Locator("#share-url").InputValueAsync().Bounded();
    }

    // Reads the dialog's QR code back with jsQR (from the API's npm install, evaluated in the page).
    private static async Task<string?> ReadQrCodeAsync(IPage page)
    {
        await page.EvaluateAsync(PageFixture.TestScript("jsqr", "dist/jsQR.js")).Bounded();
        return await page.EvaluateAsync<string?>(
            """
            () => {
              const canvas = document.getElementById('share-qr');
              const image = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
              return jsQR(image.data, canvas.width, canvas.height)?.data ?? null;
            }
            """).Bounded();
    }

    private static async Task<(string Name, byte[] Bytes)> UploadOnPageAsync(IPage page)
    {
        var name = $"holiday-video-{Guid.NewGuid().ToString("N")[..6]}.mp4";
        var bytes = RandomNumberGenerator.GetBytes(50_000);
        await page.Locator("#file-input").SetInputFilesAsync(PageActions.Payload(name, bytes)).Bounded();
        await Expect(page.FileRow(name)).ToBeVisibleAsync().Bounded();
        return (name, bytes);
    }

    [Fact]
    public async Task APasswordLinkWithOneDownloadAsksForThePasswordRefusesAWrongOneAndServesOnce()
    {
        await using var owner = await fixture.OpenPageAsync();
        var (name, bytes) = await UploadOnPageAsync(owner.Page);
        await owner.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark }).Bounded();
        await owner.Page.SetViewportSizeAsync(1200, 900).Bounded();

        var url = await CreateLinkInDialogAsync(owner.Page, name, maxDownloads: "1", password: "s3cret words");

        await Expect(owner.Page.Locator("#share-qr")).ToHaveAttributeAsync("data-modules", new System.Text.RegularExpressions.Regex("^[0-9]+$")).Bounded();
        Assert.Equal(url, await ReadQrCodeAsync(owner.Page));
        await Expect(owner.Page.Locator("#share-links li")).ToContainTextAsync("0 of 1 downloads · password").Bounded();
        await owner.ScreenshotAsync("share-dialog-dark");

        // Someone else: a fresh context, no API key.
        await using var visitor = await fixture.OpenPageAsync(withKey: false, path: new Uri(url).AbsolutePath);
        var page = visitor.Page;
        await Expect(page.Locator("#shared-name")).ToHaveTextAsync(name).Bounded();
        await Expect(page.GetByLabel("Password")).ToBeVisibleAsync().Bounded();

        await page.GetByLabel("Password").FillAsync("wrong").Bounded();
        await page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync().Bounded();
        await Expect(page.Locator("#download-error")).ToHaveTextAsync("The password is wrong.").Bounded();

        await page.GetByLabel("Password").FillAsync("s3cret words").Bounded();
        var downloaded = await page.DownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync());
        Assert.Equal(bytes, downloaded);

        await page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync().Bounded();
        await Expect(page.Locator("#download-error")).ToHaveTextAsync("This share link has reached its download limit.").Bounded();
    }

    [Fact]
    public async Task ARevokedLinkAndAnExpiredLinkAreRefusedWithTheirReason()
    {
        await using var owner = await fixture.OpenPageAsync();
        var (name, _) = await UploadOnPageAsync(owner.Page);
        var url = await CreateLinkInDialogAsync(owner.Page, name);
        var links = owner.Page.Locator("#share-links li");
        await Expect(links).ToHaveCountAsync(1).Bounded();

        await links.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync().Bounded();
        await Expect(links).ToHaveCountAsync(0).Bounded();

        using var api = fixture.CreateApiClient();
        var key = (await api.GetFromJsonAsync<FilePageResult>($"/files/page?name={name}").Bounded())!.Files.Single().S3Key;
        using var created = await api.PostAsJsonAsync($"/files/{key}/links", new { expires_in = 1 }).Bounded();
        var expiring = (await created.Content.ReadFromJsonAsync<LinkResult>().Bounded())!;
        await Task.Delay(expiring.ExpiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));

        await using var visitor = await fixture.OpenPageAsync(withKey: false, path: new Uri(url).AbsolutePath);
        await Expect(visitor.Page.Locator("#share-status")).ToHaveTextAsync("This share link was revoked by its owner.").Bounded();
        await visitor.Page.GotoAsync(expiring.Url.ToString()).Bounded();
        await Expect(visitor.Page.Locator("#share-status")).ToContainTextAsync("This share link expired at").Bounded();
        await Expect(visitor.Page.Locator("#shared")).ToBeHiddenAsync().Bounded();
    }

    [Fact]
    public async Task ALinkWithoutPasswordDownloadsWithOneClick()
    {
        await using var owner = await fixture.OpenPageAsync();
        var (name, bytes) = await UploadOnPageAsync(owner.Page);
        var url = await CreateLinkInDialogAsync(owner.Page, name);

        await using var visitor = await fixture.OpenPageAsync(withKey: false, path: new Uri(url).AbsolutePath);

        await Expect(visitor.Page.GetByLabel("Password")).ToBeHiddenAsync().Bounded();
        Assert.Equal(bytes, await visitor.Page.DownloadAsync(() => visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync()));
        Assert.DoesNotContain("password", visitor.Page.Url, StringComparison.Ordinal);
    }
}
