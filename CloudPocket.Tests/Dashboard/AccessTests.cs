using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Dashboard;

[Collection(DashboardGroup.Name)]
public class AccessTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/logs?resource=api")]
    [InlineData("/traces")]
    [InlineData("/structured")]
    [InlineData("/login?t=not-the-token")]
    public async Task WithoutTheTokenAPageAnswers401WithTheLoginPageAndNoData(string path)
    {
        await using var session = await fixture.OpenAsync(loggedIn: false);

        var response = await session.Page.GotoAsync(path).Within();

        Assert.Equal(401, response!.Status);
        await Expect(session.Page.Locator("input[name='t']")).ToBeVisibleAsync().Within();
        Assert.Equal(0, await session.Page.Locator("#resources, #log").CountAsync().Within());
        var html = await session.Page.ContentAsync().Within();
        Assert.DoesNotContain(fixture.App.GetEndpoint("api").Authority, html, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.App.GetEndpoint("s3").Authority, html, StringComparison.Ordinal);
        Assert.Empty(await session.Context.CookiesAsync().Within());
    }

    [Theory]
    [InlineData("/api/resources")]
    [InlineData("/api/resources/events")]
    [InlineData("/api/resources/api/logs/events")]
    [InlineData("/api/traces")]
    [InlineData("/api/logs")]
    [InlineData("/assets/resources.js")]
    public async Task WithoutTheTokenTheDataApiAnswers401WithNoData(string path)
    {
        await using var session = await fixture.OpenAsync(loggedIn: false);

        var response = await session.Context.APIRequest.GetAsync(path).Within();

        Assert.Equal(401, response.Status);
        Assert.DoesNotContain("\"processId\"", await response.TextAsync().Within(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheTokenAnActionIsRefusedAndNothingHappens()
    {
        await using var session = await fixture.OpenAsync(loggedIn: false);
        var pid = fixture.App.GetProcessId("api");

        var response = await session.Context.APIRequest.PostAsync("/api/resources/api/stop").Within();

        Assert.Equal(401, response.Status);
        await Task.Delay(TimeSpan.FromSeconds(1)).Within();
        Assert.Equal("Healthy", fixture.App.GetState("api"));
        Assert.Equal(pid, fixture.App.GetProcessId("api"));
    }

    [Fact]
    public async Task TelemetryWithoutTheRunsOtlpKeyIsRefused()
    {
        await using var session = await fixture.OpenAsync(loggedIn: true);

        var response = await session.Context.APIRequest.PostAsync("/v1/traces", new() { Headers = new Dictionary<string, string> { ["x-otlp-api-key"] = "guess" } }).Within();

        Assert.Equal(401, response.Status);
    }
}
