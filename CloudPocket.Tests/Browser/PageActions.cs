using Microsoft.Playwright;

namespace CloudPocket.Tests.Browser;

// What a person does on the page, and where the page shows it.
internal static class PageActions
{
    public static ILocator UploadRow(this IPage page, string name) => page.Locator("#uploads li", new() { HasText = name });

    public static ILocator FileRow(this IPage page, string name) => page.Locator("#files tr", new() { HasText = name });

    public static FilePayload Payload(string name, byte[] bytes, string mimeType = "application/octet-stream") =>
        new() { Name = name, MimeType = mimeType, Buffer = bytes };

    /// <summary>Drops one file onto the page as a drag and drop would (a synthetic drop event carrying a DataTransfer).</summary>
    public static Task DropFileAsync(this IPage page, string name, byte[] bytes) => page.EvaluateAsync(
        """
        ([name, bytes]) => {
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/octet-stream' }));
          document.getElementById('files-heading').dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
          document.getElementById('files-heading').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        }
        """, new object[] { name, bytes.Select(b => (int)b).ToArray() }).Bounded();

    /// <summary>The bytes of the download that <paramref name="action"/> starts.</summary>
    public static async Task<byte[]> DownloadAsync(this IPage page, Func<Task> action)
    {
        var download = await page.RunAndWaitForDownloadAsync(action).Bounded();
        var path = await download.PathAsync().Bounded();
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="isTarget"/> (a script on document.activeElement).</summary>
    public static async Task TabToAsync(this IPage page, string isTarget, int maxPresses = 60)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab").Bounded();
            if (await page.EvaluateAsync<bool>($"(() => {{ const e = document.activeElement; return !!e && ({isTarget}); }})()").Bounded())
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached the element where {isTarget}.");
    }
}
