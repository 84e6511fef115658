using Microsoft.Playwright;

namespace CloudPocket.Tests.Dashboard;

// One test's browser context and page, closed when the test ends.
public sealed class DashboardSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    public ResourceRow Row(string resource) => new(Page, resource);

    public async ValueTask DisposeAsync() => await Context.CloseAsync().Within();
}
