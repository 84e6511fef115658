using System.Globalization;
using System.Net;
using CloudPocket.AppHost.Hosting;
using CloudPocket.AppHost.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>
/// The dashboard: a small Kestrel app inside the AppHost process, on loopback only, behind a per-run login token.
/// It reads and drives the <see cref="Orchestrator"/> through its public surface, and receives the resources' OTLP
/// telemetry (see <see cref="OtlpEnvironment"/>), so it must start before the resources do.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly CancellationTokenSource _stopping;

    private DashboardServer(WebApplication web, CancellationTokenSource stopping, Uri url, DashboardToken token)
    {
        _web = web;
        _stopping = stopping;
        Url = url;
        Token = token.Value;
    }

    /// <summary>The dashboard's base address, e.g. <c>http://localhost:18888/</c>.</summary>
    public Uri Url { get; }

    public string Token { get; }

    /// <summary>The address printed at start: opening it logs the browser in.</summary>
    public Uri LoginUrl => new(Url, "login?t=" + Token);

    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<DashboardServer> StartAsync(Orchestrator app, DashboardSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            // A fixed port answers on both loopback addresses, as "localhost" in a browser may mean either;
            // a random port (tests) only on 127.0.0.1, since "localhost" cannot bind port 0.
            if (settings.Port == 0)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
            else
            {
                kestrel.ListenLocalhost(settings.Port);
            }
        });
        builder.Services.AddRoutingCore();
        var token = new DashboardToken();
        var stopping = new CancellationTokenSource();
        var web = builder.Build();
        web.Use(new DashboardAuthentication(token).InvokeAsync);
        var traces = new TraceStore();
        var logs = new LogStore();
        var metrics = new MetricsStore();
        DashboardEndpoints.Map(web, app, new ResourceActions(app, logger, stopping.Token), stopping.Token);
        TraceEndpoints.Map(web, traces);
        StructuredLogEndpoints.Map(web, logs);
        MetricsEndpoints.Map(web, metrics);
        OtlpEndpoints.Map(web, traces, logs, metrics);
        try
        {
            await web.StartAsync(cancellationToken);
        }
        catch
        {
            await web.DisposeAsync();
            stopping.Dispose();
            throw;
        }

        var url = BaseUrl(web, settings);
        // Before the resources launch: each reads its environment at every (re)start.
        OtlpEnvironment.Apply(app.Resources, url.Port, token.OtlpKey);
        return new DashboardServer(web, stopping, url, token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _web.StopAsync(CancellationToken.None);
        await _web.DisposeAsync();
        _stopping.Dispose();
    }

    private static Uri BaseUrl(WebApplication web, DashboardSettings settings)
    {
        if (settings.Port != 0)
        {
            return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://localhost:{settings.Port}/"));
        }

        var address = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }
}
