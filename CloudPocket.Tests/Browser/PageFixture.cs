using System.Reflection;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using CloudPocket.Tests.Support;
using Microsoft.Playwright;

namespace CloudPocket.Tests.Browser;

// The whole application through Aspire's testing builder (random ports, a temporary data folder, API keys on) and
// one headless Chromium, for the page at / and the share pages. Each test opens its own browser context.
public sealed class PageFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("cloudpocket-page-").FullName;
    private DistributedApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private static readonly string ApiDirectory =
        typeof(PageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CloudPocket.ApiDirectory").Value!;

    /// <summary>A browser script of the API's npm install that the tests use in the page (axe-core, jsQR).</summary>
    public static string TestScript(string package, string file) => File.ReadAllText(Path.Combine(ApiDirectory, "node_modules", package, file));

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The application is not started.");

    public string ApiKey { get; private set; } = "";

    /// <summary>The API's address: the page is at its root.</summary>
    public Uri PageUrl => App.GetEndpoint("api");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            _app = await AppHostRun.StartAsync(["--Api:RequireKey=true", $"--S3:DataDirectory={_dataDirectory}"], timeout.Token);
            ApiKey = await AppHostRun.ParameterValueAsync(_app, "api-key", timeout.Token);
            _playwright = await Playwright.CreateAsync().WaitAsync(timeout.Token);
            _browser = await Chromium.LaunchAsync(_playwright).WaitAsync(timeout.Token);
            Assertions.SetDefaultExpectTimeout(30_000);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh browser context on the page; with <paramref name="withKey"/> this run's key is already in its sessionStorage.</summary>
    public async Task<BrowserSession> OpenPageAsync(bool withKey = true, string path = "/")
    {
        var session = await BrowserSession.OpenAsync(_browser ?? throw new InvalidOperationException("The browser is not started."));
        if (withKey)
        {
            await session.Page.Context.AddInitScriptAsync($"sessionStorage.setItem('cloudpocket.api-key', {System.Text.Json.JsonSerializer.Serialize(ApiKey)});").Bounded();
        }

        await session.Page.GotoAsync(new Uri(PageUrl, path).ToString()).Bounded();
        return session;
    }

    /// <summary>A client for the API that sends this run's key.</summary>
    public HttpClient CreateApiClient()
    {
        var client = App.CreateHttpClient("api");
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public async Task DisposeAsync()
    {
        var (browser, playwright, app) = (_browser, _playwright, _app);
        (_browser, _playwright, _app) = (null, null, null);
        try
        {
            await (browser?.CloseAsync() ?? Task.CompletedTask).Bounded(TimeSpan.FromSeconds(30));
            playwright?.Dispose();
            await (app?.DisposeAsync().AsTask() ?? Task.CompletedTask).Bounded();
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

[CollectionDefinition(Name)]
public sealed class PageInABrowser : ICollectionFixture<PageFixture>
{
    public const string Name = "Page in a browser";
}
