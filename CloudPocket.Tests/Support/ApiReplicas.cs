namespace CloudPocket.Tests.Support;

/// <summary>
/// Each API replica of a run by its own address, past DCP's proxy (which balances per connection): the processes
/// whose S3 endpoint is this run's emulator, and the address each was told to listen on.
/// </summary>
public static class ApiReplicas
{
    public static IReadOnlyList<Uri> Addresses(Uri s3Endpoint) =>
        [.. ProcessTree.WithEnvironment("OTEL_SERVICE_NAME=api")
            .Select(ProcessTree.Environment)
            .Where(env => env.TryGetValue("S3__ServiceUrl", out var url) && new Uri(url) == s3Endpoint && env.ContainsKey("ASPNETCORE_URLS"))
            .Select(env => new Uri(env["ASPNETCORE_URLS"].Split(';')[0]))
            .Distinct()];

    /// <summary>A client per replica that sends <paramref name="apiKey"/>.</summary>
    public static IReadOnlyList<HttpClient> Clients(Uri s3Endpoint, string apiKey) =>
        [.. Addresses(s3Endpoint).Select(address =>
        {
            var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            return client;
        })];
}
