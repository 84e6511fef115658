using System.Diagnostics;
using System.Globalization;
using CloudPocket.Api.Tus;
using Microsoft.Playwright;

namespace CloudPocket.Benchmarks;

// The page for people: one large upload through it in headless Chromium (Debian's, driven by Playwright) against
// `curl -F` to the same API in the same run, best of the large-file repeats, alternating who goes first; and what
// the page's first load transfers (its HTML, CSS and JavaScript, with an empty cache).
internal sealed class PageBenchmark(BenchContext context)
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const double MinRatio = 0.8;
    private const double MaxFirstLoadKiB = 100;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] ChromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var size = context.Settings.PageUploadBytes;
        var label = $"{size / BenchSettings.MiB} MiB";
        var file = Path.Combine(Directory.CreateTempSubdirectory("cloudpocket-bench-page-").FullName, "page-upload.bin");
        try
        {
            Progress.Say($"page: writing the {label} file to upload (not timed)");
            await WriteFileAsync(file, size, cancellationToken);
            await using var api = await context.StartApiAsync(context.Direct.Bucket, StartTimeout, cancellationToken);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });

            var (firstLoadBytes, requests) = await FirstLoadAsync(browser, api.BaseAddress);
            context.Table.AddLimit("Page", $"first load of the page, empty cache: HTML, CSS and JavaScript ({requests} requests, headers included)",
                firstLoadBytes / 1024.0, "0.0", MaxFirstLoadKiB, "KiB");

            var servers = context.Cpu(api);
            (double Rate, string Cpu) pageBest = (0, ""), curlBest = (0, "");
            for (var run = 1; run <= context.Settings.LargeRepeats; run++)
            {
                foreach (var viaPage in run % 2 == 1 ? new[] { true, false } : [false, true])
                {
                    Progress.Say($"page {label} run {run}: {(viaPage ? "upload through the page in Chromium" : "curl -F")}");
                    var (elapsed, cpu) = viaPage
                        ? await UploadThroughPageAsync(browser, api, servers, file)
                        : await UploadWithCurlAsync(api.BaseAddress, servers, file, cancellationToken);
                    var rate = size / (double)BenchSettings.MiB / elapsed.TotalSeconds;
                    if (viaPage && rate > pageBest.Rate)
                    {
                        pageBest = (rate, cpu);
                    }
                    else if (!viaPage && rate > curlBest.Rate)
                    {
                        curlBest = (rate, cpu);
                    }
                }
            }

            // The page sends a file from the API's tus threshold on through tus (the API here runs with its defaults).
            var tus = new TusOptions();
            var how = size >= tus.PageThresholdBytes ? $"tus in {tus.PageChunkBytes / BenchSettings.MiB} MiB PATCHes" : "one POST by XHR";
            context.Table.AddRatio("Page", $"upload {label} through the page ({how}, Chromium) vs curl -F, MiB/s, best of {context.Settings.LargeRepeats}",
                pageBest.Rate, curlBest.Rate, "0.0", MinRatio);
            context.Table.AddInfo("Page", $"upload {label}, CPU cores busy (the page: browser = all of Chromium's processes)", pageBest.Cpu, curlBest.Cpu);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    // Sums the transfer sizes the browser's Resource Timing reports for the document and what it loaded itself
    // (stylesheet, module scripts); the page's API calls (fetch, XHR) are data, not the page.
    private static async Task<(long Bytes, int Requests)> FirstLoadAsync(IBrowser browser, Uri baseAddress)
    {
        await using var session = await browser.NewContextAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync(baseAddress.ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        var sizes = await page.EvaluateAsync<long[]>(
            """
            () => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')
                .filter(e => e.initiatorType !== 'fetch' && e.initiatorType !== 'xmlhttprequest')]
              .map(e => e.transferSize)
            """);
        return (sizes.Sum(), sizes.Length);
    }

    private static async Task<(TimeSpan Elapsed, string Cpu)> UploadThroughPageAsync(IBrowser browser, ApiProcess api, CpuMeter servers, string file)
    {
        await using var session = await browser.NewContextAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync(api.BaseAddress.ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        // Chromium's processes as they are now, the page's renderer included (the API and the emulator are children too).
        var browserProcesses = ProcessTree.Descendants(Environment.ProcessId).Except([.. servers.ProcessIds]).ToList();
        var browserCpu = browserProcesses.Sum(pid => CpuMeter.CpuTime(pid).TotalSeconds);
        var section = servers.Start();
        var clock = Stopwatch.StartNew();
        await page.Locator("#file-input").SetInputFilesAsync(file);
        await page.Locator("#uploads li[data-state='done'], #uploads li[data-state='failed']").WaitForAsync(new() { Timeout = 600_000 });
        var elapsed = clock.Elapsed;
        var cpu = section.Stop() + string.Create(CultureInfo.InvariantCulture,
            $", browser {(browserProcesses.Sum(pid => CpuMeter.CpuTime(pid).TotalSeconds) - browserCpu) / elapsed.TotalSeconds:0.00}");
        var failed = await page.Locator("#uploads li[data-state='failed'] .upload-status").AllTextContentsAsync();
        return failed.Count == 0 ? (elapsed, cpu) : throw new InvalidOperationException($"The page's upload failed: {failed[0]}");
    }

    private static async Task<(TimeSpan Elapsed, string Cpu)> UploadWithCurlAsync(Uri baseAddress, CpuMeter servers, string file, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}", "-F", $"file=@{file}", new Uri(baseAddress, "upload/").ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var section = servers.Start();
        var clock = Stopwatch.StartNew();
        using var curl = Process.Start(start) ?? throw new InvalidOperationException("curl did not start.");
        var status = await curl.StandardOutput.ReadToEndAsync(cancellationToken);
        await curl.WaitForExitAsync(cancellationToken);
        var elapsed = clock.Elapsed;
        var cpu = section.Stop();
        return status == "200" ? (elapsed, cpu) : throw new InvalidOperationException($"curl -F answered {status}: {await curl.StandardError.ReadToEndAsync(cancellationToken)}");
    }

    private static async Task WriteFileAsync(string path, long size, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024 * 1024];
        await using var stream = File.Create(path);
        for (long offset = 0; offset < size; offset += buffer.Length)
        {
            var count = (int)Math.Min(buffer.Length, size - offset);
            Payload.Fill(buffer.AsSpan(0, count), offset);
            await stream.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
        }
    }
}
