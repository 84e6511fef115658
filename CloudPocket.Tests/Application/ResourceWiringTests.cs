using Aspire.Hosting.ApplicationModel;
using CloudPocket.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPocket.Tests.Application;

// What the AppHost hands to the running API, and what the API tells Aspire back.
[Collection(WholeApplication.Name)]
public class ResourceWiringTests(CloudPocketAppFixture fixture)
{
    [Fact]
    public void TheApiProcessGetsTheEmulatorsEndpointBucketCredentialsAndKey()
    {
        var environment = ProcessTree.Environment(fixture.App.ProcessIdOf("api", "CloudPocket.Api"));

        Assert.Equal(fixture.S3Endpoint, new Uri(environment["S3__ServiceUrl"]));
        Assert.Equal("cloudpocket", environment["S3__BucketName"]);
        Assert.Equal("true", environment["S3__ForcePathStyle"]);
        Assert.Equal("true", environment["S3__CreateBucketIfMissing"]);
        Assert.Equal("us-east-1", environment["AWS_REGION"]);
        Assert.False(string.IsNullOrEmpty(environment["AWS_ACCESS_KEY_ID"]));
        Assert.False(string.IsNullOrEmpty(environment["AWS_SECRET_ACCESS_KEY"]));
        Assert.Equal(fixture.ApiKey, environment["Access__ApiKeys__0"]);
        Assert.True(fixture.ApiKey.Length >= 32, fixture.ApiKey);
    }

    [Fact]
    public async Task AnUploadIsLoggedUnderTheApiInAspiresResourceLog()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = fixture.CreateApiClient();
        var name = $"logged-{Guid.NewGuid():N}.txt";
        var upload = await api.UploadAsync([1, 2, 3], name, cancellationToken: timeout.Token);
        var resource = fixture.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "api");
        var expected = $"Stored {name} as {upload.S3Key} (3 bytes)";

        var logs = fixture.App.Services.GetRequiredService<ResourceLoggerService>();
        await foreach (var batch in logs.WatchAsync(resource).WithCancellation(timeout.Token))
        {
            if (batch.Any(line => line.Content.Contains(expected, StringComparison.Ordinal)))
            {
                return;
            }
        }

        Assert.Fail($"The api's log never showed '{expected}'.");
    }
}
