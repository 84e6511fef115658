using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Browser;

// The resource-action tests stop things; whatever they leave behind, the next test in the collection finds the
// application running and the API healthy again.
internal static class Recovery
{
    private static readonly TimeSpan HealthLimit = TimeSpan.FromSeconds(90);

    public static async Task EnsureRunningAsync(this DashboardFixture fixture, string resource)
    {
        using var timeout = new CancellationTokenSource(Within.Step);
        // A stop clicked in the browser may still be under way: let it finish before starting again.
        await fixture.App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text is not ("Stopping" or "Starting"), timeout.Token);
        if (KnownResourceStates.TerminalStates.Contains(fixture.App.StateOf(resource)))
        {
            await fixture.App.StartAsync(resource, timeout.Token);
        }

        await fixture.WaitForApiHealthAsync(HttpStatusCode.OK, HealthLimit);
    }

    /// <summary>Waits until the API's <c>/health</c> answers <paramref name="status"/>, as a load balancer would see it.</summary>
    public static async Task WaitForApiHealthAsync(this DashboardFixture fixture, HttpStatusCode status, TimeSpan limit)
    {
        using var api = fixture.CreateApiClient();
        api.Timeout = TimeSpan.FromSeconds(5);
        await Within.UntilAsync($"the API's /health answers {(int)status}", limit, async cancellationToken =>
        {
            using var response = await api.GetAsync("/health", cancellationToken);
            return response.StatusCode == status;
        });
    }
}
