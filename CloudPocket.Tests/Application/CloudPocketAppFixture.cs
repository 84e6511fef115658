using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Application;

// The whole application as `dotnet run --project CloudPocket.AppHost` starts it, under Aspire's DCP: the real
// emulator and API processes, on random ports, with a temporary data folder and a generated API key.
public sealed class CloudPocketAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("cloudpocket-app-").FullName;
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The application is not started.");

    /// <summary>The key the AppHost generated for this run; every files endpoint wants it.</summary>
    public string ApiKey { get; private set; } = "";

    public Uri ApiEndpoint => App.GetEndpoint("api");

    public Uri S3Endpoint => App.GetEndpoint("s3");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        // With a key, as an operator would run it beyond a single-user laptop: every client here must send it.
        _app = await AppHostRun.StartAsync(["--Api:RequireKey=true", $"--S3:DataDirectory={_dataDirectory}"], timeout.Token);
        ApiKey = await AppHostRun.ParameterValueAsync(_app, "api-key", timeout.Token);
    }

    /// <summary>A client for the API that sends this run's key.</summary>
    public HttpClient CreateApiClient()
    {
        var client = App.CreateHttpClient("api");
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public Task DisposeAsync() => AppHostRun.DisposeAsync(_app, _dataDirectory);
}

[CollectionDefinition(Name)]
public sealed class WholeApplication : ICollectionFixture<CloudPocketAppFixture>
{
    public const string Name = "Whole application";
}
