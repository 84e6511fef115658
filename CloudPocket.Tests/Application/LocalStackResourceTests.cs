using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudPocket.Tests.Application;

// LocalStack can be modelled but not run here (no container engine): its resource is checked as Aspire's own tests do.
public class LocalStackResourceTests
{
    [Fact]
    public async Task LocalStackIsAPinnedContainerOnPort4566WithItsTokenAndBothHealthChecks()
    {
        var builder = DistributedApplication.CreateBuilder();
        var token = builder.AddParameter("localstack-auth-token", secret: true);

        var localstack = builder.AddLocalStack("s3", token).WithBucket("cloudpocket").Resource;

        var image = localstack.Annotations.OfType<ContainerImageAnnotation>().Single();
        var endpoint = localstack.Annotations.OfType<EndpointAnnotation>().Single();
        var context = new DistributedApplicationExecutionContext(new DistributedApplicationExecutionContextOptions(DistributedApplicationOperation.Publish));
        var configuration = await ExecutionConfigurationBuilder.Create(localstack).WithEnvironmentVariablesConfig().BuildAsync(context, NullLogger.Instance);
        Assert.Equal("localstack/localstack", image.Image);
        Assert.Matches(@"^\d+\.\d+", image.Tag);
        Assert.Equal(4566, endpoint.TargetPort);
        Assert.Equal("http", endpoint.UriScheme);
        Assert.Equal("{localstack-auth-token.value}", configuration.EnvironmentVariables.ToDictionary()["LOCALSTACK_AUTH_TOKEN"]);
        Assert.Equal(2, localstack.Annotations.OfType<HealthCheckAnnotation>().Count());
        Assert.Equal("cloudpocket", localstack.BucketName);
    }
}
