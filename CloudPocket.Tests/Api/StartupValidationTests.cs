using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Api;

// Misconfiguration stops the API at start with exit code 1 and one line that names the setting to fix.
public class StartupValidationTests
{
    private static async Task AssertStopsWithOneLineNamingAsync(string setting, Dictionary<string, string> environment)
    {
        var (exitCode, output) = await ApiProcess.RunUntilExitAsync(environment, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(setting, line, StringComparison.Ordinal);
    }

    [Fact]
    public Task MissingBucketNameStopsTheApiWithOneClearLine() =>
        AssertStopsWithOneLineNamingAsync("S3:BucketName", new() { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });

    [Fact]
    public Task AwsWithoutARegionStopsTheApiWithOneClearLine() =>
        AssertStopsWithOneLineNamingAsync("AWS_REGION", new()
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["S3__BucketName"] = "cloudpocket",
        });

    [Fact]
    public Task WithoutKeysTheApiRefusesToListenBeyondLoopback() =>
        AssertStopsWithOneLineNamingAsync("Access:AllowAnonymous", new()
        {
            ["ASPNETCORE_URLS"] = "http://0.0.0.0:0",
            ["S3__BucketName"] = "cloudpocket",
            ["S3__ServiceUrl"] = "http://127.0.0.1:9",
        });
}
