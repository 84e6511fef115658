namespace CloudPocket.AppHost.Orchestration;

/// <summary>One HTTP client for probes and setup calls to resources on 127.0.0.1.</summary>
internal static class LoopbackHttp
{
    public static HttpClient Client { get; } = new(new SocketsHttpHandler
    {
        // A proxy from the environment must never see loopback traffic.
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        // Restarted resources come back on the same port: do not keep reusing a dead connection for long.
        PooledConnectionLifetime = TimeSpan.FromSeconds(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(3),
    };
}
