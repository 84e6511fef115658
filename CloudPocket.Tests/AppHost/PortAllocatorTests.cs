using System.Net;
using System.Net.Sockets;
using CloudPocket.AppHost.ApplicationModel;
using CloudPocket.AppHost.Hosting;
using CloudPocket.AppHost.Orchestration;

namespace CloudPocket.Tests.AppHost;

public class PortAllocatorTests
{
    [Fact]
    public async Task EveryEndpointGetsItsOwnFreeLoopbackPort()
    {
        var builder = TestModels.CreateBuilder();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            builder.AddShell(name, "exit 0").WithHttpEndpoint();
        }

        await using var app = builder.Build();

        var ports = app.Resources.Select(r => r.GetPort()!.Value).ToList();
        Assert.Equal(5, ports.Distinct().Count());
        Assert.All(ports, port => Assert.True(PortAllocator.IsFree(port)));
        Assert.All(app.Resources, r => Assert.Equal($"http://127.0.0.1:{r.GetPort()}/", app.GetEndpoint(r.Name).ToString()));
    }

    [Fact]
    public async Task FixedPortIsKeptAndFreePortsAvoidIt()
    {
        var fixedPort = PortAllocator.GetFreePort();
        var builder = TestModels.CreateBuilder();
        builder.AddShell("fixed", "exit 0").WithHttpEndpoint(fixedPort);
        builder.AddShell("free", "exit 0").WithHttpEndpoint();

        await using var app = builder.Build();

        Assert.Equal(fixedPort, app.GetEndpoint("fixed").Port);
        Assert.NotEqual(fixedPort, app.GetEndpoint("free").Port);
    }

    [Fact]
    public async Task TestingRandomizesEvenFixedPorts()
    {
        var builder = TestModels.CreateBuilder(new AppModelOptions { RandomizePorts = true });
        builder.AddS3Emulator("s3", port: 4566);

        await using var app = builder.Build();

        Assert.NotEqual(4566, app.GetEndpoint("s3").Port);
    }

    [Fact]
    public async Task TakenFixedPortIsReportedInOneClearLineBeforeAnythingStarts()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var builder = TestModels.CreateBuilder();
        builder.AddShell("first", "exec sleep 30");
        builder.AddShell("web", "exec sleep 30").WithHttpEndpoint(port);
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TestModels.Timeout);

        var error = await Assert.ThrowsAsync<AppHostException>(() => app.StartAsync(timeout.Token));

        Assert.Equal($"Port {port} for resource 'web' is already in use on 127.0.0.1: stop what listens there or pick another port in the AppHost's Program.cs.", error.Message);
        Assert.All(app.GetSnapshots(), s => Assert.Equal(ResourceState.NotStarted, s.State));
    }
}
