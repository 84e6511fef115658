using System.Net;
using System.Security.Cryptography;
using CloudPocket.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Browser;

[Collection(PageInABrowser.Name)]
public class PageFileTests(PageFixture fixture)
{
    [Fact]
    public async Task FilesPickedAndDroppedUploadToFullProgressAndCanBeFilteredDownloadedAndDeleted()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var files = Enumerable.Range(1, 4).ToDictionary(i => $"{(i == 4 ? "dropped" : "picked")}-{i}-{run}.bin", i => RandomNumberGenerator.GetBytes(20_000 * i));
        await using var browser = await fixture.OpenPageAsync();
        var page = browser.Page;

        await page.Locator("#file-input").SetInputFilesAsync(files.Take(3).Select(f => PageActions.Payload(f.Key, f.Value))).Bounded();
        await page.DropFileAsync(files.Keys.Last(), files.Values.Last());

        foreach (var name in files.Keys)
        {
            await Expect(page.UploadRow(name).Locator(".upload-status")).ToContainTextAsync("100%").Bounded();
            Assert.Equal(100, await page.UploadRow(name).Locator("progress").EvaluateAsync<double>("p => p.value").Bounded());
            await Expect(page.FileRow(name)).ToBeVisibleAsync().Bounded();
        }

        var chosen = files.Keys.ElementAt(1);
        await page.Locator("#filter").FillAsync(chosen[..^".bin".Length]).Bounded();
        await Expect(page.Locator("#files tr")).ToHaveCountAsync(1).Bounded();
        await Expect(page.FileRow(chosen)).ToBeVisibleAsync().Bounded();

        var downloaded = await page.DownloadAsync(() => page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = $"Download {chosen}" }).ClickAsync());
        Assert.Equal(files[chosen], downloaded);

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = $"Delete {chosen}" }).ClickAsync().Bounded();
        await Expect(page.Locator("#confirm-dialog")).ToBeVisibleAsync().Bounded();
        await page.Locator("#confirm-dialog").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Delete" }).ClickAsync().Bounded();
        await Expect(page.FileRow(chosen)).ToHaveCountAsync(0).Bounded();
        await Expect(page.Locator("#files-status")).ToContainTextAsync("No file name contains").Bounded();
        using var api = fixture.CreateApiClient();
        var listed = await api.GetStringAsync($"/files/page?name={run}").Bounded();
        Assert.DoesNotContain(chosen, listed, StringComparison.Ordinal);
        Assert.Equal(3, files.Keys.Count(name => listed.Contains(name, StringComparison.Ordinal)));
        await browser.ScreenshotAsync("page-files");
    }

    [Fact]
    public async Task LeavingDuringAnUploadAsksFirstAndACancelledUploadStoresNothing()
    {
        var name = $"cancelled-{Guid.NewGuid():N}.bin";
        var path = Path.Combine(Directory.CreateTempSubdirectory("cloudpocket-page-upload-").FullName, name);
        try
        {
            await using (var file = File.Create(path))
            {
                file.SetLength(512L * 1024 * 1024);
            }

            await using var browser = await fixture.OpenPageAsync();
            var page = browser.Page;
            await page.Locator("#file-input").SetInputFilesAsync(path).Bounded();
            await Expect(page.UploadRow(name).Locator(".upload-status")).ToContainTextAsync("left").Bounded();

            var asked = new TaskCompletionSource<string>();
            page.Dialog += async (_, dialog) =>
            {
                asked.TrySetResult(dialog.Type);
                await dialog.DismissAsync();
            };
            await page.EvaluateAsync("() => { location.href = '/s/leaving'; }").Bounded();
            Assert.Equal("beforeunload", await asked.Task.Bounded());

            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = $"Cancel upload of {name}" }).ClickAsync().Bounded();
            await Expect(page.UploadRow(name).Locator(".upload-status")).ToHaveTextAsync("Cancelled.").Bounded();
            await Expect(page.Locator("#announcer")).ToContainTextAsync($"Upload of {name} cancelled.").Bounded();
            using var api = fixture.CreateApiClient();
            Assert.DoesNotContain(name, await api.GetStringAsync("/files/").Bounded(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task OfflineThePageSaysSoAndWhenBackItLoadsTheListAgain()
    {
        await using var browser = await fixture.OpenPageAsync();
        var page = browser.Page;
        await Expect(page.Locator("#files-status")).Not.ToHaveTextAsync("Loading files…").Bounded();

        await page.Context.SetOfflineAsync(true).Bounded();
        await Expect(page.Locator("#offline")).ToBeVisibleAsync().Bounded();
        await page.Locator("#refresh").ClickAsync().Bounded();
        await Expect(page.Locator("#files-status")).ToHaveTextAsync("You are offline: the list cannot be loaded.").Bounded();

        await page.Context.SetOfflineAsync(false).Bounded();
        await Expect(page.Locator("#offline")).ToBeHiddenAsync().Bounded();
        await Expect(page.Locator("#files-status")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("error")).Bounded();
    }

    [Fact]
    public async Task DeletingAsksFirstAndCancellingKeepsTheFile()
    {
        var name = $"kept-{Guid.NewGuid():N}.txt";
        await using var browser = await fixture.OpenPageAsync();
        var page = browser.Page;
        await page.Locator("#file-input").SetInputFilesAsync(PageActions.Payload(name, [1, 2, 3])).Bounded();
        await Expect(page.FileRow(name)).ToBeVisibleAsync().Bounded();

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync().Bounded();
        await page.Locator("#confirm-dialog").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Cancel" }).ClickAsync().Bounded();

        await Expect(page.Locator("#confirm-dialog")).ToBeHiddenAsync().Bounded();
        await page.Locator("#refresh").ClickAsync().Bounded();
        await Expect(page.FileRow(name)).ToBeVisibleAsync().Bounded();
    }

    [Fact]
    public async Task AFileNameIsShownAsTextNeverAsMarkup()
    {
        var name = $"<img src=x onerror=alert(1)>-{Guid.NewGuid():N}.html";
        await using var browser = await fixture.OpenPageAsync();
        var page = browser.Page;

        await page.Locator("#file-input").SetInputFilesAsync(PageActions.Payload(name, [60, 98, 62])).Bounded();

        await Expect(page.FileRow(name).Locator("td.name")).ToHaveTextAsync(name).Bounded();
        Assert.Equal(0, await page.Locator("#files img, #uploads img").CountAsync().Bounded());
    }

    [Fact]
    public async Task WithS3StoppedAnUploadShowsTheServiceMessageAndAfterItIsBackTheNextOneWorks()
    {
        await using var browser = await fixture.OpenPageAsync();
        var page = browser.Page;
        await Expect(page.Locator("#files-status")).Not.ToHaveTextAsync("Loading files…").Bounded();
        var failing = $"while-down-{Guid.NewGuid():N}.bin";
        var working = $"when-back-{Guid.NewGuid():N}.bin";
        try
        {
            await fixture.App.StopAsync("s3", CancellationToken.None).Bounded(TimeSpan.FromSeconds(60));

            await page.Locator("#file-input").SetInputFilesAsync(PageActions.Payload(failing, RandomNumberGenerator.GetBytes(1000))).Bounded();

            await Expect(page.UploadRow(failing).Locator(".upload-status.error"))
                .ToContainTextAsync("cannot be reached right now", new() { Timeout = 45_000 }).Bounded();
        }
        finally
        {
            await fixture.App.StartAsync("s3", CancellationToken.None).Bounded(TimeSpan.FromSeconds(90));
        }

        await page.Locator("#file-input").SetInputFilesAsync(PageActions.Payload(working, RandomNumberGenerator.GetBytes(1000))).Bounded();

        await Expect(page.UploadRow(working).Locator(".upload-status")).ToContainTextAsync("Uploaded", new() { Timeout = 45_000 }).Bounded();
        using var api = fixture.CreateApiClient();
        Assert.Contains(working, await api.GetStringAsync("/files/").Bounded(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health").Bounded()).StatusCode);
    }
}
