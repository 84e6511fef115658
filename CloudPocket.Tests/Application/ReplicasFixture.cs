using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Application;

// The whole application with three API replicas on one bucket, and a client for each replica's own address.
public sealed class ReplicasFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("cloudpocket-replicas-").FullName;
    private DistributedApplication? _app;

    public IReadOnlyList<HttpClient> Replicas { get; private set; } = [];

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(CloudPocketAppFixture.StartTimeout);
        _app = await AppHostRun.StartAsync(
            ["--Api:Replicas=3", "--Api:RequireKey=true", $"--S3:DataDirectory={_dataDirectory}"], timeout.Token);
        var key = await AppHostRun.ParameterValueAsync(_app, "api-key", timeout.Token);
        while (ApiReplicas.Addresses(_app.GetEndpoint("s3")).Count < 3 || !await AllHealthyAsync(key, timeout.Token))
        {
            await Task.Delay(200, timeout.Token);
        }

        Replicas = ApiReplicas.Clients(_app.GetEndpoint("s3"), key);
    }

    private async Task<bool> AllHealthyAsync(string key, CancellationToken cancellationToken)
    {
        var clients = ApiReplicas.Clients(_app!.GetEndpoint("s3"), key);
        try
        {
            var health = await Task.WhenAll(clients.Select(c => c.GetAsync("/health", cancellationToken)));
            return health.All(h => h.StatusCode == HttpStatusCode.OK);
        }
        catch (HttpRequestException)
        {
            return false;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in Replicas)
        {
            replica.Dispose();
        }

        try
        {
            if (_app is not null)
            {
                await _app.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
            }
        }
        finally
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
