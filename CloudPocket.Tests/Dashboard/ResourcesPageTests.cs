using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Dashboard;

[Collection(DashboardGroup.Name)]
public class ResourcesPageTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("api", "Project")]
    [InlineData("s3", "S3Emulator")]
    public async Task WithTheTokenAResourceShowsRunningAndHealthyWithAWorkingEndpointLink(string resource, string kind)
    {
        await using var session = await fixture.OpenAsync(loggedIn: true);
        var row = session.Row(resource);

        await Expect(row.State).ToHaveTextAsync("Running", Bounded.Text()).Within();
        await Expect(row.Health).ToHaveTextAsync("Healthy", Bounded.Text()).Within();
        await Expect(row.Kind).ToHaveTextAsync(kind, Bounded.Text()).Within();
        await Expect(row.ProcessId).ToHaveTextAsync(fixture.App.GetProcessId(resource)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Bounded.Text()).Within();
        var href = await row.EndpointLink.GetAttributeAsync("href").Within();
        Assert.Equal(fixture.App.GetEndpoint(resource).ToString().TrimEnd('/'), href);

        var health = await session.Context.APIRequest.GetAsync(href + "/health").Within();
        Assert.Equal(200, health.Status);
    }

    [Fact]
    public async Task TheLoginLinkSetsAnHttpOnlySessionCookieAndTakesTheTokenOutOfTheAddressBar()
    {
        await using var session = await fixture.OpenAsync(loggedIn: true);

        Assert.Equal(fixture.App.DashboardUrl.ToString(), session.Page.Url);
        var cookie = Assert.Single(await session.Context.CookiesAsync().Within());
        Assert.True(cookie.HttpOnly);
        Assert.Equal("Strict", cookie.SameSite.ToString());
        Assert.DoesNotContain(fixture.App.DashboardToken, cookie.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTableUpdatesLiveWhenAResourceChangesWithoutAReload()
    {
        await using var session = await fixture.OpenAsync(loggedIn: true);
        var row = session.Row("api");
        await Expect(row.Health).ToHaveTextAsync("Healthy", Bounded.Text()).Within();
        var before = await row.Restarts.TextContentAsync().Within();
        await session.Page.EvaluateAsync("() => { window.notReloaded = true; }").Within();

        using var timeout = new CancellationTokenSource(Bounded.StateChange);
        await fixture.App.RestartResourceAsync("api", timeout.Token);

        await Expect(row.Restarts).Not.ToHaveTextAsync(before!, Bounded.Text()).Within();
        await Expect(row.Health).ToHaveTextAsync("Healthy", Bounded.Text(Bounded.StateChange)).Within(Bounded.StateChange);
        Assert.True(await session.Page.EvaluateAsync<bool>("() => window.notReloaded === true").Within());
    }
}
