using System.Net;
using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>
/// Probes a running resource until cancelled, so its state flips Healthy/Unhealthy live. Readiness steps run once
/// per (re)start, after the first passing probe.
/// </summary>
internal static class HealthMonitor
{
    /// <param name="report">Called after every probe with null (healthy) or what went wrong.</param>
    public static async Task RunAsync(ExecutableAppResource resource, TimeSpan interval, Action<string?> report, CancellationToken cancellationToken)
    {
        var check = resource.GetAnnotations<HttpHealthCheckAnnotation>().FirstOrDefault();
        var steps = resource.GetAnnotations<ReadinessStepAnnotation>().ToList();
        var endpoint = resource.GetEndpoint();
        // Until the first success, poll faster so startup is not padded by a whole interval.
        var startupInterval = TimeSpan.FromMilliseconds(Math.Min(interval.TotalMilliseconds, 200));
        var ready = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var problem = await ProbeAsync(check, endpoint, cancellationToken);
            if (problem is null && !ready)
            {
                problem = await RunStepsAsync(steps, endpoint, cancellationToken);
                ready = problem is null;
            }

            report(problem);
            await Task.Delay(ready ? interval : startupInterval, cancellationToken);
        }
    }

    private static async Task<string?> ProbeAsync(HttpHealthCheckAnnotation? check, Uri? endpoint, CancellationToken cancellationToken)
    {
        if (check is null)
        {
            return null;
        }

        if (endpoint is null)
        {
            return "it has a health check but no endpoint";
        }

        try
        {
            using var response = await LoopbackHttp.Client.GetAsync(new Uri(endpoint, check.Path), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK ? null : $"GET {check.Path} returned {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // A probe that failed because the run is over must end the monitor, not be reported.
            cancellationToken.ThrowIfCancellationRequested();
            return $"GET {check.Path} failed: {ex.Message}";
        }
    }

    private static async Task<string?> RunStepsAsync(List<ReadinessStepAnnotation> steps, Uri? endpoint, CancellationToken cancellationToken)
    {
        if (steps.Count > 0 && endpoint is null)
        {
            return "it has readiness steps but no endpoint";
        }

        foreach (var step in steps)
        {
            try
            {
                await step.Step(endpoint!, cancellationToken);
            }
#pragma warning disable CA1031 // A step is any callback: whatever it throws means "not ready yet" and is retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                cancellationToken.ThrowIfCancellationRequested();
                return ex.Message;
            }
        }

        return null;
    }
}
