using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPocket.Tests.Support;

// The in-process API on a real Kestrel port, for clients that must stream a body while the API already answers
// (the test server buffers request bodies) and for clients outside this process (node).
public sealed class KestrelServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public KestrelServer(WebApplicationFactory<Program> fixture, Action<IWebHostBuilder>? configure = null)
    {
        _factory = fixture.WithWebHostBuilder(builder => configure?.Invoke(builder));
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        Address = new Uri(_factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    public Uri Address { get; }

    public IServiceProvider Services => _factory.Services;

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
