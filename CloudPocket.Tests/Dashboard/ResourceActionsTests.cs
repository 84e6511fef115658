using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace CloudPocket.Tests.Dashboard;

[Collection(DashboardGroup.Name)]
public class ResourceActionsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task RestartingTheApiFromThePageGoesThroughStartingBackToHealthyAndCountsTheRestart()
    {
        await using var session = await fixture.OpenAsync(loggedIn: true);
        var api = session.Row("api");
        try
        {
            await Expect(api.Health).ToHaveTextAsync("Healthy", Bounded.Text()).Within();
            var restarts = int.Parse((await api.Restarts.TextContentAsync().Within())!, CultureInfo.InvariantCulture);
            var pid = await api.ProcessId.TextContentAsync().Within();
            await StateRecorder.StartAsync(session.Page, "api");

            await api.Button("restart").ClickAsync().Within();

            await Expect(api.Restarts).ToHaveTextAsync((restarts + 1).ToString(CultureInfo.InvariantCulture), Bounded.Text(Bounded.StateChange)).Within(Bounded.StateChange);
            await Expect(api.Health).ToHaveTextAsync("Healthy", Bounded.Text(Bounded.StateChange)).Within(Bounded.StateChange);
            await Expect(api.State).ToHaveTextAsync("Running", Bounded.Text()).Within();
            await Expect(api.ProcessId).Not.ToHaveTextAsync(pid!, Bounded.Text()).Within();
            var seen = await StateRecorder.SeenAsync(session.Page);
            Assert.True(Array.IndexOf(seen, "Stopping") < Array.IndexOf(seen, "Starting"), string.Join(" → ", seen));
            Assert.Contains("Starting", seen);
        }
        finally
        {
            using var timeout = new CancellationTokenSource(Bounded.StateChange);
            await fixture.App.WaitForHealthyAsync("api", timeout.Token);
        }
    }

    [Fact]
    public async Task StoppingS3FromThePageTurnsTheApiUnhealthyAndStartingItAgainMakesItHealthy()
    {
        await using var session = await fixture.OpenAsync(loggedIn: true);
        var (s3, api) = (session.Row("s3"), session.Row("api"));
        try
        {
            await Expect(api.Health).ToHaveTextAsync("Healthy", Bounded.Text()).Within();

            await s3.Button("stop").ClickAsync().Within();

            await Expect(s3.State).ToHaveTextAsync("Exited", Bounded.Text(Bounded.StateChange)).Within(Bounded.StateChange);
            await Expect(api.Health).ToHaveTextAsync("Unhealthy", Bounded.Text(Bounded.StateChange)).Within(Bounded.StateChange);

            await s3.Button("start").ClickAsync().Within();

            await Expect(s3.Health).ToHaveTextAsync("Healthy", Bounded.Text(Bounded.StateChange)).Within(Bounded.StateChange);
            await Expect(api.Health).ToHaveTextAsync("Healthy", Bounded.Text(Bounded.StateChange)).Within(Bounded.StateChange);
        }
        finally
        {
            // Leave the app whole for the next test, whatever happened above.
            using var timeout = new CancellationTokenSource(Bounded.StateChange);
            await fixture.App.StartResourceAsync("s3", timeout.Token);
            await fixture.App.WaitForHealthyAsync("api", timeout.Token);
        }
    }
}
