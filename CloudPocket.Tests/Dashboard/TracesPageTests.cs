using System.Net.Http.Json;
using CloudPocket.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Dashboard;

[Collection(DashboardGroup.Name)]
public class TracesPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AnUploadsTraceShowsItsS3ClientSpansUnderTheRequestSpan()
    {
        using var timeout = new CancellationTokenSource(Bounded.Step);
        using var api = fixture.App.CreateHttpClient("api");
        using var content = Multipart.File("traced"u8.ToArray(), "traced.txt", "text/plain");
        using var response = await api.PostAsync("/upload/", content, timeout.Token);
        var upload = (await response.Content.ReadFromJsonAsync<UploadResult>(timeout.Token))!;
        await using var session = await fixture.OpenAsync(loggedIn: true);

        await session.Page.GotoAsync("/traces").Within();
        // The request span ends last, so once it is listed its S3 spans are there too.
        var trace = session.Page.Locator("#traces tr", new() { HasText = "POST /upload/" }).First;
        await Expect(trace.Locator("td.resource")).ToHaveTextAsync("api", Bounded.Text()).Within();
        await trace.Locator("td.name a").ClickAsync().Within();

        var root = session.Page.Locator("#waterfall tr.span[data-depth='0']");
        await Expect(root.Locator("td.name")).ToHaveTextAsync("POST /upload/", Bounded.Text()).Within();
        var s3Call = session.Page.Locator("#waterfall tr.span[data-depth='1']", new() { HasText = "PUT" }).First;
        await Expect(s3Call.Locator("td.kind")).ToHaveTextAsync("Client", Bounded.Text()).Within();
        await s3Call.ClickAsync().Within();
        var attributes = session.Page.Locator("#waterfall tr.attributes:not([hidden])");
        // A small file is stored in its record object, records/{key}/{metadata}.
        await Expect(attributes).ToContainTextAsync(fixture.App.GetEndpoint("s3").Authority + "/cloudpocket/records/" + upload.S3Key + "/", new() { Timeout = Bounded.Milliseconds(Bounded.Step) }).Within();
    }
}
