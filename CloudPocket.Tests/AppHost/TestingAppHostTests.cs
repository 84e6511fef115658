using System.Net;
using CloudPocket.AppHost.Testing;

namespace CloudPocket.Tests.AppHost;

public class TestingAppHostTests
{
    [Fact]
    public async Task TestingAppHostRunsProgramsOwnModelHealthyOnFreePortsAndCleansUp()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var app = await TestingAppHost.StartAsync(timeout.Token);
        int[] pids;
        try
        {
            Assert.Equal("Healthy", app.GetState("s3"));
            Assert.Equal("Healthy", app.GetState("api"));
            Assert.NotEqual(app.GetEndpoint("s3").Port, app.GetEndpoint("api").Port);
            using var api = app.CreateHttpClient("api");
            using var health = await api.GetAsync(new Uri("/health", UriKind.Relative), timeout.Token);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Contains(app.GetLogs("s3"), line => line.Contains("listening", StringComparison.Ordinal));
            Assert.DoesNotContain(app.GetLogs("s3"), line => line.Contains("/.data/", StringComparison.Ordinal));
            pids = [app.GetProcessId("s3")!.Value, app.GetProcessId("api")!.Value];
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.All(pids, pid => Assert.False(ProcessProbe.IsAlive(pid)));
    }
}
