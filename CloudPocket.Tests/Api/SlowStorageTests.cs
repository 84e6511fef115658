using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CloudPocket.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CloudPocket.Tests.Api;

// S3 that accepts connections and never answers: the worst kind of down.
public sealed class SlowStorageTests : IAsyncLifetime, IDisposable
{
    private readonly TcpListener _blackHole = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _held = [];
    private WebApplicationFactory<Program>? _factory;

    public Task InitializeAsync()
    {
        _blackHole.Start();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var socket = await _blackHole.AcceptSocketAsync();
                lock (_held)
                {
                    _held.Add(socket);
                }
            }
        });
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("S3:BucketName", "cloudpocket")
            .UseSetting("S3:ServiceUrl", $"http://127.0.0.1:{((IPEndPoint)_blackHole.LocalEndpoint).Port}")
            .UseSetting("S3:ForcePathStyle", "true"));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task UploadAnswers503WithRetryAfterWithinFifteenSeconds()
    {
        using var client = _factory!.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        var clock = Stopwatch.StartNew();

        using var response = await client.PostAsync("/upload/", Multipart.File(new byte[20 * 1024 * 1024], "stuck.bin"));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotEmpty(response.Headers.GetValues("Retry-After"));
    }

    [Fact]
    public async Task HealthIsUnhealthyWhileStorageDoesNotAnswer()
    {
        using var client = _factory!.CreateClient();

        using var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        lock (_held)
        {
            _held.ForEach(s => s.Dispose());
        }
    }

    public void Dispose() => _blackHole.Dispose();
}
