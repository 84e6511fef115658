using System.Net;
using System.Net.Http.Headers;
using CloudPocket.Tests.Api;
using CloudPocket.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CloudPocket.Tests.Api;

public class AccessTests(FilesApiFixture fixture) : IClassFixture<FilesApiFixture>
{
    private const string Key = "test-key-0123456789";

    private HttpClient KeyedClient()
    {
        var factory = fixture.WithWebHostBuilder(b => b
            .UseSetting("Access:ApiKeys:0", "another-key")
            .UseSetting("Access:ApiKeys:1", Key));
        return factory.CreateClient();
    }

    [Theory]
    [InlineData("GET", "/files/")]
    [InlineData("GET", "/files/page")]
    [InlineData("GET", "/files/aaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("DELETE", "/files/aaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("GET", "/download/aaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("POST", "/upload/")]
    public async Task WithKeysConfiguredEveryFilesEndpointWantsOne(string method, string path)
    {
        using var client = KeyedClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = Multipart.File([1], "x.bin");
        }

        using var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task KeyWorksAsHeaderOrBearerAndAWrongKeyDoesNot()
    {
        using var client = KeyedClient();

        using var viaHeader = new HttpRequestMessage(HttpMethod.Get, "/files/") { Headers = { { "X-Api-Key", Key } } };
        using var viaBearer = new HttpRequestMessage(HttpMethod.Get, "/files/") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Key) } };
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/files/") { Headers = { { "X-Api-Key", Key + "x" } } };
        using var prefix = new HttpRequestMessage(HttpMethod.Get, "/files/") { Headers = { { "X-Api-Key", Key[..^1] } } };

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(viaHeader)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(viaBearer)).StatusCode);
        await (await client.SendAsync(wrong)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.SendAsync(prefix)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task HealthStaysOpenWithKeysConfigured()
    {
        using var client = KeyedClient();

        using var alive = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task ThePageSettingsStayOpenWithKeysConfiguredAndSayTheTusThresholdAndPatchSize()
    {
        using var factory = fixture.WithWebHostBuilder(b => b
            .UseSetting("Access:ApiKeys:0", Key)
            .UseSetting("Tus:PageThresholdBytes", "12345")
            .UseSetting("Tus:PageChunkBytes", "678"));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/page/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"tus_threshold_bytes":12345,"tus_chunk_bytes":678}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080", "Access:AllowAnonymous", "true")]
    [InlineData("http://0.0.0.0:8080", "Access:ApiKeys:0", "k")]
    [InlineData("http://127.0.0.1:8080;http://[::1]:8081;http://localhost:8082", "Unrelated", "x")]
    public async Task ExplicitAnonymousAccessKeysOrLoopbackLetTheApiStart(string urls, string key, string value)
    {
        using var factory = fixture.WithWebHostBuilder(b => b.UseSetting("urls", urls).UseSetting(key, value));
        using var client = factory.CreateClient();

        using var alive = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
