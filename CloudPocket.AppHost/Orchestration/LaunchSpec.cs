using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>Exactly what is launched for a resource: evaluated from its annotations at each (re)start.</summary>
public sealed record LaunchSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Variables are applied in annotation order, so a later <c>WithEnvironment</c> overrides an earlier value.</summary>
    public static LaunchSpec For(ExecutableAppResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var annotation in resource.GetAnnotations<EnvironmentAnnotation>())
        {
            annotation.Apply(environment);
        }

        var arguments = resource.GetAnnotations<ArgumentsAnnotation>().SelectMany(a => a.Arguments()).ToList();
        return new LaunchSpec(resource.Command, arguments, resource.WorkingDirectory, environment);
    }
}
