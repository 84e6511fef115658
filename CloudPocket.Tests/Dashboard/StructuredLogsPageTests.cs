using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Dashboard;

[Collection(DashboardGroup.Name)]
public class StructuredLogsPageTests(DashboardFixture fixture)
{
    private const string IndexRebuilt = "Index rebuilt";
    private static readonly string[] WarningOrWorse = ["Warning", "Error", "Critical"];

    [Fact]
    public async Task TheApisLogRecordsArriveOverOtlpWithLevelAndAttributesAndCanBeFilteredByText()
    {
        await using var session = await fixture.OpenAsync(loggedIn: true);
        await session.Page.GotoAsync("/structured").Within();

        await session.Page.SelectOptionAsync("select[name='resource']", "api").Within();
        await session.Page.FillAsync("input[name='text']", IndexRebuilt).Within();

        var rows = session.Page.Locator("#structured tbody tr");
        await Expect(rows.First.Locator("td.message")).ToContainTextAsync(IndexRebuilt, new() { Timeout = Bounded.Milliseconds(Bounded.Step) }).Within();
        await Expect(rows.First.Locator("td.resource")).ToHaveTextAsync("api", Bounded.Text()).Within();
        await Expect(rows.First.Locator("td.level")).ToHaveTextAsync("Information", Bounded.Text()).Within();
        await Expect(rows.First.Locator("td.attributes")).ToContainTextAsync("Bucket=cloudpocket", new() { Timeout = Bounded.Milliseconds(Bounded.Step) }).Within();
        foreach (var message in await rows.Locator("td.message").AllTextContentsAsync().Within())
        {
            Assert.Contains(IndexRebuilt, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FilteringByLevelLeavesOnlyRecordsAtOrAboveIt()
    {
        await using var session = await fixture.OpenAsync(loggedIn: true);
        await session.Page.GotoAsync("/structured").Within();
        var rows = session.Page.Locator("#structured tbody tr");
        await Expect(rows.Filter(new() { HasText = IndexRebuilt }).First).ToBeVisibleAsync().Within();

        await session.Page.SelectOptionAsync("select[name='level']", "Warning").Within();

        await Expect(rows.Filter(new() { HasText = IndexRebuilt })).ToHaveCountAsync(0).Within();
        foreach (var level in await rows.Locator("td.level").AllTextContentsAsync().Within())
        {
            Assert.Contains(level, WarningOrWorse);
        }
    }

    [Fact]
    public async Task AnUploadsLogLineAppearsUnderTheApiWithALinkToItsTrace()
    {
        using var timeout = new CancellationTokenSource(Bounded.Step);
        using var api = fixture.App.CreateHttpClient("api");
        var name = $"logged-{Guid.NewGuid():N}.txt";
        using var content = Support.Multipart.File("logged"u8.ToArray(), name, "text/plain");
        using var response = await api.PostAsync("/upload/", content, timeout.Token);
        await using var session = await fixture.OpenAsync(loggedIn: true);

        await session.Page.GotoAsync("/structured").Within();
        await session.Page.FillAsync("input[name='text']", name).Within();

        var row = session.Page.Locator("#structured tbody tr", new() { HasText = name }).First;
        await Expect(row.Locator("td.message")).ToContainTextAsync("Stored " + name, new() { Timeout = Bounded.Milliseconds(Bounded.Step) }).Within();
        await Expect(row.Locator("td.resource")).ToHaveTextAsync("api", Bounded.Text()).Within();
        await Expect(row.Locator("a[href*='trace']")).ToHaveCountAsync(1).Within();
    }
}
