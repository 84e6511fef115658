using CloudPocket.AppHost.ApplicationModel;
using CloudPocket.AppHost.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>What a <see cref="ResourceRunner"/> needs from the orchestrator that owns it.</summary>
internal sealed record RunnerContext(
    AppModelOptions Options,
    ILoggerFactory LoggerFactory,
    Func<AppResource, ResourceRunner> Lookup,
    Action<ResourceSnapshot> StateChanged,
    Action<LogLine> LogWritten);
