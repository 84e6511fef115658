using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CloudPocket.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Browser;

[Collection(DashboardInABrowser.Name)]
public class TraceTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AnUploadsTraceShowsPostUploadWithItsS3PutUnderIt()
    {
        // Our own trace id (the API continues the caller's W3C trace) picks this upload's trace among all others.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        await UploadAsync(traceId);
        await using var browser = await fixture.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsync(fixture.LoginUrl);

        await page.GetByRole(AriaRole.Link, new() { Name = "Traces" }).ClickAsync().Bounded();
        // The list names a trace by its root span, prefixed with the resource: "api: POST /upload/".
        var listed = page.Locator($"td[title*='Trace Id: {traceId}']");
        await Expect(listed).ToHaveAttributeAsync("title", new Regex("^Name: api: POST /upload/\\n")).Bounded();
        await listed.ClickAsync().Bounded();

        await Expect(page).ToHaveURLAsync(new Regex($"/traces/detail/{traceId}$")).Bounded();
        var root = page.Locator("td[title='api: POST /upload/']");
        // The AWS SDK's PUT, an HttpClient span whose peer the dashboard recognises as the s3 resource's address.
        var s3Put = page.Locator("td[title^='api: HTTP PUT'][title$='Outgoing call to s3']");
        await Expect(root).ToHaveTextAsync("POST /upload/").Bounded();
        await Expect(s3Put).ToBeVisibleAsync().Bounded();
        await browser.ScreenshotAsync("dashboard-trace");

        // Under it: folding the request's span hides the S3 call, unfolding shows it again.
        // (The fold button is a fluent-button without a button role, hence its label.)
        var fold = root.GetByLabel("Toggle nesting");
        await fold.ClickAsync().Bounded();
        await Expect(s3Put).ToBeHiddenAsync().Bounded();
        await fold.ClickAsync().Bounded();
        await Expect(s3Put).ToBeVisibleAsync().Bounded();
    }

    // The trace id goes in as the current activity's, not as a hand-written traceparent header: once OpenTelemetry's
    // HttpClient instrumentation runs in the test process (the in-process API tests start it), it writes its own
    // traceparent over ours, but one that continues the current activity's trace.
    private async Task UploadAsync(string traceId)
    {
        using var caller = new Activity("CloudPocket.Tests.Browser.Upload")
            .SetParentId(ActivityTraceId.CreateFromString(traceId), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded)
            .Start();
        using var api = fixture.CreateApiClient();
        using var content = Multipart.File(RandomNumberGenerator.GetBytes(2048), $"trace-{Guid.NewGuid():N}.bin");
        using var response = await api.PostAsync("/upload/", content).Bounded();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
