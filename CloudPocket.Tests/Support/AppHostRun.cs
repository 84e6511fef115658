using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudPocket.Tests.Support;

/// <summary>Starts the AppHost's model through Aspire's testing builder, and reads what a test needs from it.</summary>
public static class AppHostRun
{
    // The snapshot property that carries an executable's or project's process id (the dashboard shows it as PID).
    private const string ExecutablePidProperty = "executable.pid";

    /// <summary>
    /// Builds and starts the AppHost with <paramref name="args"/>, and waits until the API is healthy;
    /// <paramref name="configure"/> may change the model first (e.g. a setting of the API's).
    /// </summary>
    public static async Task<DistributedApplication> StartAsync(string[] args, CancellationToken cancellationToken,
        bool withDashboard = false, Action<IDistributedApplicationTestingBuilder>? configure = null)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudPocket_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = withDashboard }, args, cancellationToken);
        configure?.Invoke(builder);
        var app = await builder.BuildAsync(cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("api", cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the run (within a minute) and deletes its data folder, whatever the stop did.</summary>
    public static async Task DisposeAsync(DistributedApplication? app, string dataDirectory)
    {
        try
        {
            if (app is not null)
            {
                await app.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
            }
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    public static async Task<string> ParameterValueAsync(DistributedApplication app, string name, CancellationToken cancellationToken)
    {
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var parameter = model.Resources.OfType<ParameterResource>().Single(p => p.Name == name);
        return await parameter.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException($"Parameter {name} has no value.");
    }

    /// <summary>Stops the resource through its dashboard command and returns once it has stopped.</summary>
    public static async Task StopAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken)
    {
        await app.ExecuteAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
        await app.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.TerminalStates, cancellationToken);
    }

    /// <summary>Starts the resource through its dashboard command and returns once the new run is healthy.</summary>
    public static Task StartAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken) =>
        app.RunCommandUntilHealthyAgainAsync(resource, KnownResourceCommands.StartCommand, cancellationToken);

    /// <summary>Restarts the resource through its dashboard command and returns once the new run is healthy.</summary>
    public static Task RestartAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken) =>
        app.RunCommandUntilHealthyAgainAsync(resource, KnownResourceCommands.RestartCommand, cancellationToken);

    // The previous run's health report may still stand when the command returns: wait for a run that started after it.
    private static async Task RunCommandUntilHealthyAgainAsync(this DistributedApplication app, string resource, string command,
        CancellationToken cancellationToken)
    {
        var before = app.ResourceNotifications.TryGetCurrentState(resource, out var current) ? current.Snapshot.StartTimeStamp : null;
        await app.ExecuteAsync(resource, command, cancellationToken);
        await app.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.StartTimeStamp > before && e.Snapshot.HealthStatus == HealthStatus.Healthy, cancellationToken);
    }

    /// <summary>The resource's current state, e.g. <c>Running</c> or <c>Exited</c>.</summary>
    public static string? StateOf(this DistributedApplication app, string resource) =>
        app.ResourceNotifications.TryGetCurrentState(resource, out var current) ? current.Snapshot.State?.Text : null;

    /// <summary>
    /// The process that runs the resource's own code: DCP starts a project as <c>dotnet run</c>, whose child is the
    /// app itself (named <paramref name="processName"/> on its command line).
    /// </summary>
    public static int ProcessIdOf(this DistributedApplication app, string resource, string processName)
    {
        if (!app.ResourceNotifications.TryGetCurrentState(resource, out var current)
            || current.Snapshot.Properties.FirstOrDefault(p => p.Name == ExecutablePidProperty)?.Value is not { } value)
        {
            throw new InvalidOperationException($"{resource} has no process.");
        }

        var launcher = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        return ProcessTree.Descendants(launcher).Prepend(launcher)
            .Last(pid => ProcessTree.CommandLine(pid).Contains(processName, StringComparison.Ordinal));
    }

    private static async Task ExecuteAsync(this DistributedApplication app, string resource, string command, CancellationToken cancellationToken)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(resource, command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"'{command}' on {resource} failed: {result.Message}");
        }
    }
}
