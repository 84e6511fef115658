using CloudPocket.AppHost.Hosting;

namespace CloudPocket.AppHost.Testing;

/// <summary>
/// Set (AsyncLocal, so parallel tests do not see each other's) while a test runs the AppHost's entry point:
/// <c>AppModelBuilder.Create</c> applies its overrides and <c>RunAsync</c> hands it the built app instead of running.
/// </summary>
internal sealed class TestingHook(string dataRoot)
{
    private static readonly AsyncLocal<TestingHook?> CurrentHook = new();
    private readonly TaskCompletionSource<Orchestrator> _built = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TestingHook? Current => CurrentHook.Value;

    public string DataRoot { get; } = dataRoot;

    public Task<Orchestrator> Built => _built.Task;

    /// <summary>Installs the hook for the calling async flow (and what it starts) only.</summary>
    public void Install() => CurrentHook.Value = this;

    public AppModelOptions Apply(AppModelOptions options) =>
        options with { RandomizePorts = true, DataRoot = DataRoot, ConsoleOutput = false };

    public void Capture(Orchestrator app)
    {
        if (!_built.TrySetResult(app))
        {
            throw new InvalidOperationException("The AppHost's Program ran more than one app under the testing hook.");
        }
    }
}
