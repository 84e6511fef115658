using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudPocket.Tests.Application;

// The AppHost's model as its settings shape it, built but not started.
public class AppHostModelTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static async Task<IDistributedApplicationTestingBuilder> ModelAsync(params string[] args)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudPocket_AppHost>(args, timeout.Token);
    }

    // The API's environment as the deployment manifest states it: parameters stay references ({name.value}).
    private static async Task<IReadOnlyDictionary<string, string>> ApiEnvironmentAsync(IDistributedApplicationTestingBuilder builder)
    {
        var api = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "api");
        var context = new DistributedApplicationExecutionContext(new DistributedApplicationExecutionContextOptions(DistributedApplicationOperation.Publish));
        var configuration = await ExecutionConfigurationBuilder.Create(api).WithEnvironmentVariablesConfig().BuildAsync(context, NullLogger.Instance);
        return configuration.Exception is null ? configuration.EnvironmentVariables.ToDictionary().AsReadOnly() : throw configuration.Exception;
    }

    [Fact]
    public async Task ByDefaultTheApiWaitsForTheEmulatorWhichKeepsTheBucketInTheDataDirectory()
    {
        var builder = await ModelAsync("--S3:DataDirectory=/tmp/cloudpocket-model-test");

        var s3 = builder.Resources.OfType<S3EmulatorResource>().Single();
        var api = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "api");

        Assert.Equal("s3", s3.Name);
        Assert.Equal("cloudpocket", s3.BucketName);
        Assert.Equal("/tmp/cloudpocket-model-test", s3.DataDirectory);
        Assert.Contains(api.Annotations.OfType<WaitAnnotation>(), w => w.Resource == s3);
        Assert.False(s3.Annotations.OfType<EndpointAnnotation>().Single().IsProxied);
        Assert.DoesNotContain(builder.Resources, r => r is ParameterResource);
    }

    [Fact]
    public async Task CephBackendRunsOurCephResourceInTheDataDirectoryAndTellsTheApiToCalculateChecksumsOnlyWhenRequired()
    {
        var builder = await ModelAsync("--S3:Backend=ceph", "--S3:DataDirectory=/tmp/cloudpocket-ceph-model-test");

        var s3 = builder.Resources.OfType<CephResource>().Single();
        var api = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "api");
        var environment = await ApiEnvironmentAsync(builder);

        Assert.Equal("s3", s3.Name);
        Assert.Equal("cloudpocket", s3.BucketName);
        Assert.Equal("/tmp/cloudpocket-ceph-model-test", s3.DataDirectory);
        Assert.Contains(api.Annotations.OfType<WaitAnnotation>(), w => w.Resource == s3);
        Assert.Single(s3.Annotations.OfType<HealthCheckAnnotation>());
        Assert.Equal("WHEN_REQUIRED", environment["S3__RequestChecksumCalculation"]);
        Assert.Equal("WHEN_REQUIRED", environment["S3__ResponseChecksumValidation"]);
        Assert.Equal("true", environment["S3__ForcePathStyle"]);
    }

    [Fact]
    public async Task TheEmulatorIsGivenTheSdksDefaultChecksums()
    {
        var environment = await ApiEnvironmentAsync(await ModelAsync("--S3:DataDirectory=/tmp/cloudpocket-model-test"));

        Assert.False(environment.ContainsKey("S3__RequestChecksumCalculation"));
        Assert.False(environment.ContainsKey("S3__ResponseChecksumValidation"));
    }

    [Fact]
    public async Task AwsBackendHasNoEmulatorAndPassesRegionAndBucketFromParameters()
    {
        var builder = await ModelAsync("--S3:Backend=aws");

        var environment = await ApiEnvironmentAsync(builder);

        Assert.DoesNotContain(builder.Resources, r => r.Name == "s3");
        Assert.Equal("{aws-region.value}", environment["AWS_REGION"]);
        Assert.Equal("{s3-bucket.value}", environment["S3__BucketName"]);
        Assert.False(environment.ContainsKey("S3__ServiceUrl"));
        Assert.False(environment.ContainsKey("AWS_ACCESS_KEY_ID"));
    }

    [Fact]
    public async Task RequiringAKeyMakesASecretParameterThatTheApiGets()
    {
        var builder = await ModelAsync("--Api:RequireKey=true");

        var key = builder.Resources.OfType<ParameterResource>().Single(p => p.Name == "api-key");
        var environment = await ApiEnvironmentAsync(builder);

        Assert.True(key.Secret);
        Assert.Equal("{api-key.value}", environment["Access__ApiKeys__0"]);
    }

    [Fact]
    public async Task UnknownBackendIsRefusedWithTheChoices()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ModelAsync("--S3:Backend=minio"));

        Assert.Contains("emulator, localstack, ceph or aws", error.ToString(), StringComparison.Ordinal);
    }
}
