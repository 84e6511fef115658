using System.Globalization;
using System.Reflection;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;

namespace CloudPocket.Tests.Browser;

// The whole application (API keys on, no dashboard) and one headless Chromium, for the page at / and the share
// pages. Each test opens its own browser context.
public sealed class PageFixture : AppInABrowserFixture
{

    /// <summary>The page sends files from this size on through tus, in PATCHes of <see cref="TusChunkBytes"/>: a
    /// resumable upload of a few times this size is quick, and every other page test's file stays below it.</summary>
    public const int TusThresholdBytes = 8 * 1024 * 1024;

    public const int TusChunkBytes = 4 * 1024 * 1024;

    private static readonly string ApiDirectory =
        typeof(PageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CloudPocket.ApiDirectory").Value!;

    public string ApiKey => Run.ApiKey;

    /// <summary>The API's address: the page is at its root.</summary>
    public Uri PageUrl => App.GetEndpoint("api");

    /// <summary>A browser script of the API's npm install that the tests use in the page (axe-core, jsQR).</summary>
    public static string TestScript(string package, string file) => File.ReadAllText(Path.Combine(ApiDirectory, "node_modules", package, file));

    public override async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        Started(await AppInABrowser.StartAsync("cloudpocket-page-", withDashboard: false, timeout.Token, builder =>
            builder.CreateResourceBuilder<ProjectResource>("api")
                .WithEnvironment("Tus__PageThresholdBytes", TusThresholdBytes.ToString(CultureInfo.InvariantCulture))
                .WithEnvironment("Tus__PageChunkBytes", TusChunkBytes.ToString(CultureInfo.InvariantCulture))));
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A fresh browser context on the page; with <paramref name="withKey"/> this run's key is already in its sessionStorage.</summary>
    public async Task<BrowserSession> OpenPageAsync(bool withKey = true, string path = "/")
    {
        var session = await BrowserSession.OpenAsync(Run.Browser);
        try
        {
            if (withKey)
            {
                await session.Page.Context.AddInitScriptAsync($"sessionStorage.setItem('cloudpocket.api-key', {System.Text.Json.JsonSerializer.Serialize(ApiKey)});").Bounded();
            }

            await session.Page.GotoAsync(new Uri(PageUrl, path).ToString()).Bounded();
            // The HTML is there before its module has wired the controls: a key pressed earlier would go nowhere.
            await Assertions.Expect(session.Page.Locator("body[data-ready]")).ToHaveCountAsync(1).Bounded();
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PageInABrowser : ICollectionFixture<PageFixture>
{
    public const string Name = "Page in a browser";
}
