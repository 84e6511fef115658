using CloudPocket.Tests.Support;
using Xunit.Abstractions;

namespace CloudPocket.Tests.Application;

// `dotnet run --project CloudPocket.AppHost` as a developer runs it, stopped the ways a terminal stops it.
public class AppHostProcessTests(ITestOutputHelper output)
{
    private static readonly string[] Expected = ["CloudPocket.AppHost", "dcp", "node", "Aspire.Dashboard", "CloudPocket.Api"];

    [Fact]
    public async Task SigtermOfDotnetRunLeavesNoProcessOfTheRunBehind()
    {
        await using var run = await AppHostCommand.StartAsync();

        var seen = await run.WaitUntilRunningAsync(Expected, TimeSpan.FromSeconds(120));
        run.Signal(AppHostCommand.SigTerm);
        var left = await run.WaitUntilGoneAsync(TimeSpan.FromSeconds(30));

        Assert.All(Expected, name => Assert.Contains(seen, command => command.Contains(name, StringComparison.Ordinal)));
        Assert.Empty(left);
        output.WriteLine($"Everything stopped {run.SinceSignal.TotalSeconds:F1} s after SIGTERM.");
    }

    [Fact]
    public async Task SigkillOfTheAppHostLetsDcpRemoveEveryChild()
    {
        await using var run = await AppHostCommand.StartAsync();

        await run.WaitUntilRunningAsync(Expected, TimeSpan.FromSeconds(120));
        run.KillAppHost();
        var left = await run.WaitUntilGoneAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(left);
        output.WriteLine($"DCP removed everything {run.SinceSignal.TotalSeconds:F1} s after the AppHost's SIGKILL.");
    }

    [Fact]
    public async Task LocalStackWithoutAContainerRuntimeSaysSoInOneLineAndExits()
    {
        var (exitCode, errorLines, stdout) = await AppHostExit.RunAsync(["--S3:Backend=localstack"],
            new Dictionary<string, string> { ["ASPIRE_CONTAINER_RUNTIME"] = "no-such-container-runtime" });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errorLines);
        Assert.Contains("S3:Backend=localstack needs a container runtime", line, StringComparison.Ordinal);
        Assert.Contains("S3:Backend=emulator", line, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }
}
