using Microsoft.Playwright;

namespace CloudPocket.Tests.Browser;

// Debian's Chromium, never one that Playwright downloads: CI installs the package, and no test run fetches a browser.
internal static class Chromium
{
    private const string ExecutablePath = "/usr/bin/chromium";

    // Headless in a container: no sandbox (no user namespaces), no GPU, and nothing that phones home during a test.
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: the browser tests use Debian's Chromium, install it with 'apt-get install chromium'.");
        }

        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
            Timeout = (float)Within.Step.TotalMilliseconds,
        });
    }
}
