using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Dashboard;

[Collection(DashboardGroup.Name)]
public class MetricsPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task TheApisRequestRateAndDurationPercentilesAreChartedLive()
    {
        using var timeout = new CancellationTokenSource(Bounded.Step);
        using var api = fixture.App.CreateHttpClient("api");
        for (var i = 0; i < 20; i++)
        {
            using var response = await api.GetAsync("/files/", timeout.Token);
        }

        await using var session = await fixture.OpenAsync(loggedIn: true);
        await session.Page.GotoAsync("/metrics?resource=api").Within();

        foreach (var series in new[] { "requests", "duration p50", "duration p95" })
        {
            var chart = session.Page.Locator($".chart[data-series='{series}']");
            await Expect(chart.Locator("polyline")).ToHaveAttributeAsync("points", new System.Text.RegularExpressions.Regex(@"\d+(\.\d)?,\d"), new() { Timeout = Bounded.Milliseconds(Bounded.Step) }).Within();
        }

        await Expect(session.Page.Locator(".chart").First).ToHaveAttributeAsync("data-series", "requests", new() { Timeout = Bounded.Milliseconds(Bounded.Step) }).Within();
    }

    [Fact]
    public async Task BytesUploadedAndDownloadedAreChartedAfterAnUpload()
    {
        using var timeout = new CancellationTokenSource(Bounded.Step);
        using var api = fixture.App.CreateHttpClient("api");
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[256 * 1024]), "file", "charted.bin");
        using var uploaded = await api.PostAsync("/upload/", form, timeout.Token);
        var key = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<Support.UploadResult>(uploaded.Content, timeout.Token))!.S3Key;
        await api.GetByteArrayAsync($"/download/{key}", timeout.Token);

        await using var session = await fixture.OpenAsync(loggedIn: true);
        await session.Page.GotoAsync("/metrics?resource=api").Within();

        foreach (var series in new[] { "cloudpocket.upload.bytes", "cloudpocket.download.bytes" })
        {
            var chart = session.Page.Locator($".chart[data-series='{series}']");
            await Expect(chart.Locator("polyline")).ToHaveAttributeAsync("points", new System.Text.RegularExpressions.Regex(@"\d+(\.\d)?,\d"), new() { Timeout = Bounded.Milliseconds(Bounded.Step) }).Within();
        }
    }
}
