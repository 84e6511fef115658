namespace CloudPocket.Tests.Support;

/// <summary>
/// Each API replica of a run by its own address, past DCP's proxy (which balances per connection): the API
/// processes whose S3 endpoint is this run's emulator, and the address each was told to listen on.
/// </summary>
public static class ApiReplicas
{
    public sealed record Replica(int ProcessId, Uri Address);

    public static IReadOnlyList<Replica> Find(Uri s3Endpoint) =>
        [.. ProcessTree.WithEnvironment("OTEL_SERVICE_NAME=api")
            // DCP starts each replica as `dotnet run`, whose child is the API itself; both carry the environment.
            .Where(pid => !ProcessTree.CommandLine(pid).Contains(" run ", StringComparison.Ordinal))
            .Select(pid => (Pid: pid, Env: ProcessTree.Environment(pid)))
            .Where(p => p.Env.TryGetValue("S3__ServiceUrl", out var url) && new Uri(url) == s3Endpoint && p.Env.ContainsKey("ASPNETCORE_URLS"))
            .Select(p => new Replica(p.Pid, new Uri(p.Env["ASPNETCORE_URLS"].Split(';')[0])))
            .OrderBy(r => r.Address.Port)];

    /// <summary>A client for the replica that sends <paramref name="apiKey"/>.</summary>
    public static HttpClient Client(Replica replica, string apiKey)
    {
        var client = new HttpClient { BaseAddress = replica.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}
