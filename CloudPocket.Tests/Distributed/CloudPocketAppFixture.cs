using CloudPocket.AppHost.Testing;

namespace CloudPocket.Tests.Distributed;

// The whole application as `dotnet run --project CloudPocket.AppHost` starts it: real emulator and API processes,
// on random ports with a temporary data folder. Shared by the distributed tests, which run one at a time.
public sealed class CloudPocketAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private TestingAppHost? _app;

    public TestingAppHost App => _app ?? throw new InvalidOperationException("The application is not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        // With --api-key, as an operator would run it beyond a single-user laptop: every client here must send the key.
        _app = await TestingAppHost.StartAsync(timeout.Token, "--api-key");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
