using Aspire.Hosting;
using Aspire.Hosting.Testing;
using CloudPocket.Tests.Support;
using Microsoft.Playwright;

namespace CloudPocket.Tests.Browser;

// What the browser fixtures share: the whole application through Aspire's testing builder, as `dotnet run` starts
// it (random ports, a temporary data folder, a generated API key), and one headless Chromium.
public sealed class AppInABrowser : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private DistributedApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private AppInABrowser(string dataDirectoryPrefix) => _dataDirectory = Directory.CreateTempSubdirectory(dataDirectoryPrefix).FullName;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The application is not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary>The key the AppHost generated for this run; every files endpoint wants it.</summary>
    public string ApiKey { get; private set; } = "";

    public static async Task<AppInABrowser> StartAsync(string dataDirectoryPrefix, bool withDashboard, CancellationToken cancellationToken,
        Action<IDistributedApplicationTestingBuilder>? configure = null)
    {
        var run = new AppInABrowser(dataDirectoryPrefix);
        try
        {
            run._app = await AppHostRun.StartAsync(["--Api:RequireKey=true", $"--S3:DataDirectory={run._dataDirectory}"], cancellationToken,
                withDashboard, configure);
            run.ApiKey = await AppHostRun.ParameterValueAsync(run._app, "api-key", cancellationToken);
            run._playwright = await Playwright.CreateAsync().WaitAsync(cancellationToken);
            run._browser = await Chromium.LaunchAsync(run._playwright).WaitAsync(cancellationToken);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for the API that sends this run's key, through the API's stable (proxied) address.</summary>
    public HttpClient CreateApiClient()
    {
        var client = App.CreateHttpClient("api");
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    // Each part is let go of once, whatever failed before.
    public async ValueTask DisposeAsync()
    {
        var (browser, playwright, app) = (_browser, _playwright, _app);
        (_browser, _playwright, _app) = (null, null, null);
        try
        {
            if (browser is not null)
            {
                await browser.CloseAsync().Bounded(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            playwright?.Dispose();
            try
            {
                if (app is not null)
                {
                    await app.DisposeAsync().AsTask().Bounded();
                }
            }
            finally
            {
                if (Directory.Exists(_dataDirectory))
                {
                    Directory.Delete(_dataDirectory, recursive: true);
                }
            }
        }
    }
}
