using CloudPocket.AppHost.ApplicationModel;
using CloudPocket.AppHost.Hosting;
using CloudPocket.AppHost.Orchestration;

namespace CloudPocket.Tests.AppHost;

public class EnvironmentInjectionTests
{
    [Fact]
    public async Task ReferenceInjectsEmulatorEndpointAndBucket()
    {
        var builder = TestModels.CreateBuilder();
        var s3 = builder.AddS3Emulator("s3").WithBucket("cloudpocket");
        var api = builder.AddProject("api", "CloudPocket.Api").WithReference(s3).WaitFor(s3);
        await using var app = builder.Build();

        var environment = LaunchSpec.For(api.Resource).Environment;

        Assert.Equal($"http://127.0.0.1:{app.GetEndpoint("s3").Port}", environment["S3__ServiceUrl"]);
        Assert.Equal("cloudpocket", environment["S3__BucketName"]);
        Assert.Equal("true", environment["S3__ForcePathStyle"]);
        Assert.Equal("true", environment["S3__CreateBucketIfMissing"]);
        Assert.Equal("test", environment["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("test", environment["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal("us-east-1", environment["AWS_REGION"]);
    }

    [Fact]
    public async Task ReferenceToAFixedPortEmulatorUsesThatPort()
    {
        var builder = TestModels.CreateBuilder();
        var s3 = builder.AddS3Emulator("s3", port: 4566);
        var api = builder.AddProject("api", "CloudPocket.Api").WithReference(s3);
        await using var app = builder.Build();

        Assert.Equal("http://127.0.0.1:4566", LaunchSpec.For(api.Resource).Environment["S3__ServiceUrl"]);
    }

    [Fact]
    public async Task ProjectRunsItsBuildOutputWithDotnetOnItsOwnLoopbackUrlInDevelopment()
    {
        var builder = TestModels.CreateBuilder();
        var api = builder.AddProject("api", "CloudPocket.Api");
        await using var app = builder.Build();

        var spec = LaunchSpec.For(api.Resource);

        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(spec.FileName));
        var assembly = Assert.Single(spec.Arguments);
        Assert.Equal("CloudPocket.Api.dll", Path.GetFileName(assembly));
        Assert.True(File.Exists(assembly));
        Assert.Equal(Path.GetDirectoryName(assembly), spec.WorkingDirectory);
        Assert.Equal($"http://127.0.0.1:{app.GetEndpoint("api").Port}", spec.Environment["ASPNETCORE_URLS"]);
        Assert.Equal("Development", spec.Environment["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public async Task WithEnvironmentAddsVariablesAndTheLastValueWins()
    {
        var builder = TestModels.CreateBuilder();
        var api = builder.AddProject("api", "CloudPocket.Api")
            .WithEnvironment("FEATURE", "on")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Staging");
        await using var app = builder.Build();

        var environment = LaunchSpec.For(api.Resource).Environment;

        Assert.Equal("on", environment["FEATURE"]);
        Assert.Equal("Staging", environment["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public async Task EmulatorRunsTheLauncherOnLoopbackWithItsDataDirectory()
    {
        var builder = TestModels.CreateBuilder();
        var s3 = builder.AddS3Emulator("s3").WithDataDirectory(".data/s3");
        await using var app = builder.Build();

        var spec = LaunchSpec.For(s3.Resource);

        var dataDirectory = Path.Combine(AppModelBuilder.ProjectDirectory, ".data", "s3");
        string[] expected = ["emulator/fauxqs-s3.mjs", "--port", $"{app.GetEndpoint("s3").Port}", "--host", "127.0.0.1", "--data", dataDirectory];
        Assert.Equal(expected, spec.Arguments);
        Assert.Equal(AppModelBuilder.ProjectDirectory, spec.WorkingDirectory);
        Assert.True(File.Exists(Path.Combine(spec.WorkingDirectory, "emulator", "fauxqs-s3.mjs")));
    }

    [Fact]
    public async Task TestingDataRootReplacesTheEmulatorDataDirectory()
    {
        var root = Path.Combine(Path.GetTempPath(), "not-created");
        var builder = TestModels.CreateBuilder(new AppModelOptions { DataRoot = root });
        var s3 = builder.AddS3Emulator("s3").WithDataDirectory(".data/s3");
        await using var app = builder.Build();

        Assert.Equal(Path.Combine(root, "s3"), s3.Resource.DataDirectory);
    }
}
