using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Application;

// The whole application with three API replicas on one bucket, and a client for each replica's own address.
public sealed class ReplicasFixture : IAsyncLifetime
{
    public const int Count = 3;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("cloudpocket-replicas-").FullName;
    private readonly Dictionary<Uri, HttpClient> _clients = [];
    private DistributedApplication? _app;
    private string _apiKey = "";

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The application is not started.");

    /// <summary>The running replicas now: one that was restarted may listen elsewhere.</summary>
    public IReadOnlyList<ApiReplicas.Replica> Running => ApiReplicas.Find(App.GetEndpoint("s3"));

    public IReadOnlyList<HttpClient> Replicas => [.. Running.Select(ClientFor)];

    /// <summary>The key the AppHost generated for this run.</summary>
    public string ApiKey => _apiKey;

    public HttpClient ClientFor(ApiReplicas.Replica replica)
    {
        lock (_clients)
        {
            return _clients.TryGetValue(replica.Address, out var client) ? client : _clients[replica.Address] = ApiReplicas.Client(replica, _apiKey);
        }
    }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(CloudPocketAppFixture.StartTimeout);
        _app = await AppHostRun.StartAsync(["--Api:Replicas=3", "--Api:RequireKey=true", $"--S3:DataDirectory={_dataDirectory}"], timeout.Token);
        _apiKey = await AppHostRun.ParameterValueAsync(_app, "api-key", timeout.Token);
        await WaitUntilAllHealthyAsync(timeout.Token);
    }

    /// <summary>Starts every replica instance that is not running, and waits until all answer healthy.</summary>
    public async Task StartStoppedAsync(CancellationToken cancellationToken)
    {
        if (Running.Count < Count)
        {
            // Through the resource, the command goes to every instance; those still running are not affected.
            var api = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "api");
            await App.ResourceCommands.ExecuteCommandAsync(api, KnownResourceCommands.StartCommand, cancellationToken);
        }

        await WaitUntilAllHealthyAsync(cancellationToken);
    }

    private async Task WaitUntilAllHealthyAsync(CancellationToken cancellationToken)
    {
        while (Running.Count < Count || !await AllHealthyAsync(cancellationToken))
        {
            await Task.Delay(200, cancellationToken);
        }
    }

    private async Task<bool> AllHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var health = await Task.WhenAll(Replicas.Select(c => c.GetAsync("/health", cancellationToken)));
            return health.All(h => h.StatusCode == HttpStatusCode.OK);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
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
