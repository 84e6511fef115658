using CloudPocket.AppHost.ApplicationModel;
using CloudPocket.AppHost.Hosting;

namespace CloudPocket.Tests.AppHost;

// Small app models for the orchestrator tests: quiet, fast probes, short grace period.
internal static class TestModels
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static AppModelBuilder CreateBuilder(AppModelOptions? options = null) =>
        AppModelBuilder.Create((options ?? new AppModelOptions { StopGracePeriod = TimeSpan.FromSeconds(3) }) with
        {
            ConsoleOutput = false,
            HealthProbeInterval = TimeSpan.FromMilliseconds(100),
        });

    // Scripts `exec` their long-running command, so SIGTERM reaches it rather than a shell waiting on it.
    public static AppResourceBuilder<ExecutableAppResource> AddShell(this AppModelBuilder builder, string name, string script) =>
        builder.AddExecutable(name, "sh", ".", "-c", script);
}
