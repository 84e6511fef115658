using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Dashboard;

[Collection(DashboardGroup.Name)]
public class ConsoleLogsPageTests(DashboardFixture fixture)
{
    private const string ListeningLine = "Now listening on";

    [Fact]
    public async Task TheLogsPageShowsWhatTheApiWroteAndStreamsNewLinesWithoutAReload()
    {
        await using var session = await fixture.OpenAsync(loggedIn: true);
        await session.Page.GotoAsync("/logs?resource=api").Within();
        var listening = session.Page.Locator("#log div.stdout", new() { HasText = ListeningLine });
        await Expect(listening.First).ToBeVisibleAsync().Within();
        var before = await listening.CountAsync().Within();

        using var timeout = new CancellationTokenSource(Bounded.StateChange);
        await fixture.App.RestartResourceAsync("api", timeout.Token);

        await Expect(listening).ToHaveCountAsync(before + 1, new() { Timeout = Bounded.Milliseconds(Bounded.Step) }).Within();
    }

    [Fact]
    public async Task StandardErrorLinesAreMarkedApartFromStandardOutput()
    {
        await using var session = await fixture.OpenAsync(loggedIn: true);
        // A resource that writes to stderr on demand is not part of the app, so the stream is replaced for this page.
        await session.Page.RouteAsync("**/api/resources/api/logs/events", route => route.FulfillAsync(new()
        {
            ContentType = "text/event-stream",
            Body = """
                data: {"sequence":1,"timestamp":"2026-01-01T00:00:00Z","text":"to stdout","isError":false}

                data: {"sequence":2,"timestamp":"2026-01-01T00:00:01Z","text":"<b>to stderr</b>","isError":true}


                """,
        })).Within();

        await session.Page.GotoAsync("/logs?resource=api").Within();

        await Expect(session.Page.Locator("#log div.stdout")).ToContainTextAsync("to stdout").Within();
        await Expect(session.Page.Locator("#log div.stderr")).ToContainTextAsync("<b>to stderr</b>").Within();
        Assert.Equal(0, await session.Page.Locator("#log b").CountAsync().Within());
    }
}
