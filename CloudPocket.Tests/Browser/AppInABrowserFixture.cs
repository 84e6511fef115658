using Aspire.Hosting;

namespace CloudPocket.Tests.Browser;

// What the browser fixtures share: one run of the whole application and Chromium (AppInABrowser), started within a
// bound and let go of once.
public abstract class AppInABrowserFixture : IAsyncLifetime
{
    protected static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private AppInABrowser? _run;

    public DistributedApplication App => Run.App;

    protected AppInABrowser Run => _run ?? throw new InvalidOperationException("The application is not started.");

    public abstract Task InitializeAsync();

    /// <summary>A client for the API that sends this run's key, through the API's stable (proxied) address.</summary>
    public HttpClient CreateApiClient() => Run.CreateApiClient();

    protected void Started(AppInABrowser run) => _run = run;

    // Also called by a failed InitializeAsync, and then again by xunit: the run is let go of once.
    public async Task DisposeAsync()
    {
        var run = _run;
        _run = null;
        if (run is not null)
        {
            await run.DisposeAsync();
        }
    }
}
