using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CloudPocket.Tests.AppHost;

// Answers every request on a loopback port with a status the test switches, standing in for a resource's /health.
// Kestrel, not HttpListener: the orchestrator is already probing the port when this starts, and HttpListener's
// managed implementation can fail in Start when a connection is waiting (Monitor.Enter on a field not yet set).
internal sealed class FakeHealthEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile int _status = (int)HttpStatusCode.OK;

    private FakeHealthEndpoint(Uri endpoint)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(endpoint.GetLeftPart(UriPartial.Authority));
        _app = builder.Build();
        _app.Run(context =>
        {
            // No keep-alive: a probe never reuses a connection this endpoint is about to drop.
            context.Response.Headers.Connection = "close";
            context.Response.StatusCode = _status;
            return Task.CompletedTask;
        });
    }

    public HttpStatusCode Status
    {
        get => (HttpStatusCode)_status;
        set => _status = (int)value;
    }

    public static async Task<FakeHealthEndpoint> StartAsync(Uri endpoint)
    {
        var health = new FakeHealthEndpoint(endpoint);
        await health._app.StartAsync();
        return health;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
