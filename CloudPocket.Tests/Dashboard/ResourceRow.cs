using Microsoft.Playwright;

namespace CloudPocket.Tests.Dashboard;

// The cells of one resource's row on the resources page, found the way the page marks them.
public sealed class ResourceRow(IPage page, string resource)
{
    private ILocator Cell(string name) => page.Locator($"#resources tr[data-resource='{resource}'] td.{name}");

    public ILocator Kind => Cell("kind");

    public ILocator State => Cell("state");

    public ILocator Health => Cell("health");

    public ILocator Restarts => Cell("restarts");

    public ILocator ProcessId => Cell("pid");

    public ILocator EndpointLink => Cell("endpoint").Locator("a");

    public ILocator Button(string action) => page.Locator($"#resources tr[data-resource='{resource}'] button[data-action='{action}']");
}
