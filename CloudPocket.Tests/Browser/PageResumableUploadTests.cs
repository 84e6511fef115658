using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using CloudPocket.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Browser;

// Files from the fixture's tus threshold on go through tus: paused and resumed from their row, and resumed after a
// reload from where the server stopped. The server's offset is read with HEAD on the upload's URL.
[Collection(PageInABrowser.Name)]
public class PageResumableUploadTests(PageFixture fixture)
{
    private const int FileBytes = 6 * PageFixture.TusChunkBytes;

    [Fact]
    public Task ALargeUploadPausedFromTheKeyboardStopsOnTheServerAndResumedIsCompleteAndCorrect() =>
        UnderWayAsync($"paused-{Guid.NewGuid():N}.bin", atLeastPercent: 20, async (page, name, file, tus, api) =>
        {
            var pause = page.GetByRole(AriaRole.Button, new() { Name = $"Pause upload of {name}" });
            await pause.FocusAsync().Bounded();
            await page.Keyboard.PressAsync("Enter").Bounded();
            await Expect(page.Locator("#announcer")).ToHaveTextAsync($"Upload of {name} paused.").Bounded();
            await Expect(page.UploadRow(name).Locator(".upload-status")).ToContainTextAsync("Paused").Bounded();
            await PageAccessibilityTests.AssertNoSeriousViolationsAsync(page, "a paused upload");

            var location = await tus.LocationAsync();
            var paused = await StableOffsetAsync(api, location);
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(paused, await api.OffsetAsync(location).Bounded());
            Assert.InRange(paused, 1, FileBytes - 1);

            var resume = page.GetByRole(AriaRole.Button, new() { Name = $"Resume upload of {name}" });
            await Expect(resume).ToBeFocusedAsync().Bounded();
            await page.Keyboard.PressAsync("Enter").Bounded();
            await Expect(page.Locator("#announcer")).ToHaveTextAsync($"Upload of {name} resumed.").Bounded();

            await ExpectUploadedAsync(page, name);
            Assert.Equal(100, await page.UploadRow(name).Locator("progress").EvaluateAsync<double>("p => p.value").Bounded());
            await Expect(page.FileRow(name)).ToBeVisibleAsync().Bounded();
            Assert.Equal(1, tus.Creations);
            Assert.Contains(paused, tus.PatchOffsets);
            Assert.Equal(file.Sha256, await DownloadedSha256Async(api, location));
        });

    [Fact]
    public Task AfterAReloadMidUploadPickingTheSameFileResumesFromTheServersOffsetAndTheFileIsCorrect() =>
        UnderWayAsync($"reloaded-{Guid.NewGuid():N}.bin", atLeastPercent: 40, async (page, name, file, tus, api) =>
        {
            // Leaving asks first while an upload runs: this test leaves.
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await page.ReloadAsync().Bounded();
            await Expect(page.Locator("body[data-ready]")).ToHaveCountAsync(1).Bounded();
            await Expect(page.Locator("#resumable")).ToContainTextAsync(name).Bounded();
            await Expect(page.Locator("#resumable")).ToContainTextAsync("Choose the same file again to resume").Bounded();
            await PageAccessibilityTests.AssertNoSeriousViolationsAsync(page, "the offer to resume");

            var location = await tus.LocationAsync();
            var stored = await StableOffsetAsync(api, location);
            Assert.InRange(stored, 1, FileBytes - 1);
            tus.Clear();

            await page.Locator("#file-input").SetInputFilesAsync(file.Path).Bounded();
            await Expect(page.Locator("#announcer")).ToContainTextAsync($"The upload of {name} resumes where it stopped.").Bounded();
            await Expect(page.Locator("#resumable")).ToBeHiddenAsync().Bounded();
            await ExpectUploadedAsync(page, name);

            Assert.Equal(0, tus.Creations);
            Assert.Equal(stored, tus.PatchOffsets[0]);
            Assert.Equal(file.Sha256, await DownloadedSha256Async(api, location));
            await page.ReloadAsync().Bounded();
            await Expect(page.Locator("#resumable")).ToBeHiddenAsync().Bounded();
        });

    [Fact]
    public Task CancellingALargeUploadTerminatesItOnTheServerAndForgetsIt() =>
        UnderWayAsync($"cancelled-{Guid.NewGuid():N}.bin", atLeastPercent: 20, async (page, name, _, tus, api) =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Cancel upload of {name}" }).ClickAsync().Bounded();
            await Expect(page.UploadRow(name).Locator(".upload-status")).ToHaveTextAsync("Cancelled.").Bounded();
            await Expect(page.Locator("#announcer")).ToContainTextAsync($"Upload of {name} cancelled.").Bounded();
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = $"Pause upload of {name}" }).CountAsync().Bounded());

            var location = await tus.LocationAsync();
            await Within.UntilAsync("the cancelled upload to be gone from the server", TimeSpan.FromSeconds(30), async cancellationToken =>
            {
                using var head = await api.SendAsync(Tus.Head(location), cancellationToken);
                return head.StatusCode == HttpStatusCode.NotFound;
            });
            await page.ReloadAsync().Bounded();
            await Expect(page.Locator("body[data-ready]")).ToHaveCountAsync(1).Bounded();
            await Expect(page.Locator("#resumable")).ToBeHiddenAsync().Bounded();
            Assert.DoesNotContain(name, await api.GetStringAsync("/files/").Bounded(), StringComparison.Ordinal);
        });

    // A large file picked on a fresh page, its tus requests watched, and the test run once the upload is that far,
    // with no script error on the page; an upload the test left unfinished is terminated.
    private async Task UnderWayAsync(string name, int atLeastPercent, Func<IPage, string, LargeFile, TusTraffic, HttpClient, Task> test)
    {
        await using var file = await LargeFile.CreateAsync(name);
        await using var browser = await fixture.OpenPageAsync();
        var tus = await TusTraffic.WatchAsync(browser.Page);
        // The client is a script loaded under the page's CSP: neither a refusal of it nor an error in it may pass unseen.
        var scriptErrors = new List<string>();
        browser.Page.PageError += (_, error) => scriptErrors.Add(error);
        browser.Page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                scriptErrors.Add(message.Text);
            }
        };
        using var api = fixture.CreateApiClient();
        try
        {
            await browser.Page.Locator("#file-input").SetInputFilesAsync(file.Path).Bounded();
            await WaitForProgressAsync(browser.Page, name, atLeastPercent);
            await test(browser.Page, name, file, tus, api);
            Assert.Empty(scriptErrors);
        }
        finally
        {
            await tus.TerminateUnfinishedAsync(api);
        }
    }

    private static Task ExpectUploadedAsync(IPage page, string name) =>
        Expect(page.UploadRow(name).Locator(".upload-status")).ToContainTextAsync("Uploaded", new() { Timeout = 90_000 }).Bounded(TimeSpan.FromSeconds(100));

    private static Task WaitForProgressAsync(IPage page, string name, int atLeastPercent) =>
        Within.UntilAsync($"the upload of {name} at {atLeastPercent} %", TimeSpan.FromSeconds(60), async _ =>
            await page.UploadRow(name).Locator("progress").EvaluateAsync<double>("p => p.value").Bounded() >= atLeastPercent);

    // An aborted PATCH may still be landing on the server: the offset once two HEADs a second apart agree.
    private static async Task<long> StableOffsetAsync(HttpClient api, string location)
    {
        var last = -1L;
        var stable = -1L;
        await Within.UntilAsync("the upload's offset on the server to settle", TimeSpan.FromSeconds(60), async cancellationToken =>
        {
            var offset = await api.OffsetAsync(location, cancellationToken);
            if (offset == last)
            {
                stable = offset;
                return true;
            }

            last = offset;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return false;
        });
        return stable;
    }

    // The finished upload's HEAD names the file; its download is hashed as it streams.
    private static async Task<string> DownloadedSha256Async(HttpClient api, string location)
    {
        using var head = await api.SendAsync(Tus.Head(location)).Bounded();
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        var key = Tus.Header(head, "CloudPocket-S3-Key") ?? throw new InvalidOperationException("The finished upload names no file.");
        await using var body = await api.GetStreamAsync($"/download/{key}").Bounded();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(body).AsTask().Bounded());
    }

    // A file of random bytes on disk (a picked file keeps its modification time, which the client's fingerprint uses).
    private sealed class LargeFile : IAsyncDisposable
    {
        private LargeFile(string path, string sha256) => (Path, Sha256) = (path, sha256);

        public string Path { get; }

        public string Sha256 { get; }

        public static async Task<LargeFile> CreateAsync(string name)
        {
            var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("cloudpocket-page-tus-").FullName, name);
            var bytes = RandomNumberGenerator.GetBytes(FileBytes);
            await File.WriteAllBytesAsync(path, bytes).Bounded();
            return new LargeFile(path, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        public ValueTask DisposeAsync()
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    // The page's tus requests as the browser sent them: each PATCH is held back a little so that the upload lasts long
    // enough to pause or reload in the middle, and creations, their locations and the PATCHes' offsets are noted.
    private sealed class TusTraffic
    {
        private static readonly TimeSpan PatchDelay = TimeSpan.FromMilliseconds(400);
        private readonly TaskCompletionSource<string> _location = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();
        private readonly List<long> _patchOffsets = [];
        private int _creations;

        public int Creations => _creations;

        public IReadOnlyList<long> PatchOffsets
        {
            get
            {
                lock (_lock)
                {
                    return [.. _patchOffsets];
                }
            }
        }

        public static async Task<TusTraffic> WatchAsync(IPage page)
        {
            var traffic = new TusTraffic();
            page.Request += (_, request) => traffic.Saw(request);
            page.Response += (_, response) => traffic.Saw(response);
            await page.RouteAsync("**/tus/*", async route =>
            {
                try
                {
                    if (route.Request.Method == "PATCH")
                    {
                        await Task.Delay(PatchDelay);
                    }

                    await route.ContinueAsync();
                }
                catch (PlaywrightException)
                {
                    // The page paused, reloaded or closed: the browser dropped the request while it was held.
                }
            }).Bounded();
            return traffic;
        }

        public Task<string> LocationAsync() => _location.Task.Bounded();

        public void Clear()
        {
            lock (_lock)
            {
                _patchOffsets.Clear();
                _creations = 0;
            }
        }

        // A test that failed half way leaves no upload behind.
        public async Task TerminateUnfinishedAsync(HttpClient api)
        {
            if (_location.Task.IsCompletedSuccessfully)
            {
                using var head = await api.SendAsync(Tus.Head(_location.Task.Result)).Bounded();
                if (head.StatusCode == HttpStatusCode.OK && Tus.Header(head, "CloudPocket-S3-Key") is null)
                {
                    (await api.SendAsync(Tus.Delete(_location.Task.Result)).Bounded()).Dispose();
                }
            }
        }

        private void Saw(IRequest request)
        {
            if (request.Method == "PATCH" && request.Url.Contains("/tus/", StringComparison.Ordinal)
                && request.Headers.TryGetValue("upload-offset", out var offset))
            {
                lock (_lock)
                {
                    _patchOffsets.Add(long.Parse(offset, CultureInfo.InvariantCulture));
                }
            }
        }

        private void Saw(IResponse response)
        {
            if (response.Request.Method == "POST" && response.Url.EndsWith("/tus/", StringComparison.Ordinal) && response.Status == 201)
            {
                Interlocked.Increment(ref _creations);
                if (response.Headers.TryGetValue("location", out var location))
                {
                    _location.TrySetResult(new Uri(location, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(location).AbsolutePath : location);
                }
            }
        }
    }
}
