using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Integration;

public class StartupValidationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task MissingBucketNameStopsTheApiWithOneClearLine()
    {
        var (exitCode, output) = await ApiProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        }, Timeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("S3:BucketName", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutKeysTheApiRefusesToListenBeyondLoopback()
    {
        var (exitCode, output) = await ApiProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://0.0.0.0:0",
            ["S3__BucketName"] = "cloudpocket",
            ["S3__ServiceUrl"] = "http://127.0.0.1:9",
        }, Timeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Access:AllowAnonymous", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsWithoutARegionStopsTheApiWithOneClearLine()
    {
        var (exitCode, output) = await ApiProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["S3__BucketName"] = "cloudpocket",
        }, Timeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("AWS_REGION", line, StringComparison.Ordinal);
    }
}
