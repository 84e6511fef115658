using CloudPocket.AppHost.Hosting;

namespace CloudPocket.AppHost.Testing;

/// <summary>
/// Just the S3 emulator, for tests that host the Api themselves: the same resource and orchestrator as the AppHost,
/// on a free port with a temp data folder.
/// </summary>
public sealed class TestingS3Emulator : IAsyncDisposable
{
    private const string ResourceName = "s3";
    private readonly Orchestrator _app;
    private readonly string _dataRoot;

    private TestingS3Emulator(Orchestrator app, string dataRoot, string bucketName)
    {
        _app = app;
        _dataRoot = dataRoot;
        BucketName = bucketName;
    }

    /// <summary>The emulator's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint => _app.GetEndpoint(ResourceName);

    public string BucketName { get; }

    /// <summary>The emulator's process id while it runs, null otherwise.</summary>
    public int? ProcessId => _app.GetSnapshot(ResourceName).ProcessId;

    public string State => _app.GetSnapshot(ResourceName).State.ToString();

    /// <summary>Starts the emulator and returns once it is Healthy and <paramref name="bucket"/> exists.</summary>
    public static async Task<TestingS3Emulator> StartAsync(string bucket, CancellationToken cancellationToken)
    {
        var dataRoot = TestingDataRoot.Create();
        var builder = AppModelBuilder.Create(new AppModelOptions { ConsoleOutput = false, RandomizePorts = true, DataRoot = dataRoot });
        builder.AddS3Emulator(ResourceName).WithBucket(bucket);
        var app = builder.Build();
        await TestingStartup.StartOrCleanUpAsync(app, dataRoot, cancellationToken);
        return new TestingS3Emulator(app, dataRoot, bucket);
    }

    public IReadOnlyList<string> GetLogs() => [.. _app.GetLogs(ResourceName).Select(l => l.Text)];

    /// <summary>Returns once the process has exited. Objects persist; the port stays reserved.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopResourceAsync(ResourceName, cancellationToken);

    /// <summary>Starts it again on the same port; returns once Healthy (bucket ensured).</summary>
    public Task StartAsync(CancellationToken cancellationToken) => _app.StartResourceAsync(ResourceName, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        TestingDataRoot.Delete(_dataRoot);
    }
}
