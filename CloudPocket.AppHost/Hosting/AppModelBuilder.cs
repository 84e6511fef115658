using CloudPocket.AppHost.ApplicationModel;
using CloudPocket.AppHost.Orchestration;
using CloudPocket.AppHost.Testing;

namespace CloudPocket.AppHost.Hosting;

/// <summary>Collects the resources of the app model; <see cref="Build"/> validates it and assigns ports.</summary>
public sealed class AppModelBuilder
{
    private readonly List<AppResource> _resources = [];
    private bool _built;

    private AppModelBuilder(AppModelOptions options, TestingHook? hook)
    {
        Options = options;
        Hook = hook;
    }

    public AppModelOptions Options { get; }

    /// <summary>The AppHost's project directory: relative paths (data directories...) are resolved against it.</summary>
    public static string ProjectDirectory => AppHostLayout.ProjectDirectory;

    public IReadOnlyList<AppResource> Resources => _resources;

    internal TestingHook? Hook { get; }

    public static AppModelBuilder Create(string[] args) => Create(new AppModelOptions { Args = args ?? [] });

    /// <summary>Under <see cref="TestingAppHost"/> the testing hook's overrides win over <paramref name="options"/>.</summary>
    public static AppModelBuilder Create(AppModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hook = TestingHook.Current;
        return new AppModelBuilder(hook?.Apply(options) ?? options, hook);
    }

    public AppResourceBuilder<T> AddResource<T>(T resource)
        where T : AppResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"A resource named '{resource.Name}' already exists.", nameof(resource));
        }

        _resources.Add(resource);
        return new AppResourceBuilder<T>(this, resource);
    }

    /// <summary>Where a resource keeps its data: <paramref name="path"/> (relative to the AppHost project), or the testing data root.</summary>
    public string ResolveDataDirectory(string resourceName, string path) =>
        Options.DataRoot is { } root
            ? Path.Combine(root, resourceName)
            : Path.GetFullPath(path, ProjectDirectory);

    public Orchestrator Build()
    {
        if (_built)
        {
            throw new InvalidOperationException("Build() can only be called once.");
        }

        if (_resources.FirstOrDefault(r => r is not ExecutableAppResource) is { } unsupported)
        {
            throw new InvalidOperationException($"'{unsupported.Name}' is not a process resource; only processes can be run.");
        }

        var order = StartupOrder.Sort(_resources);
        PortAllocator.Assign(order, Options.RandomizePorts);
        _built = true;
        return new Orchestrator([.. order.Cast<ExecutableAppResource>()], Options, Hook);
    }
}
