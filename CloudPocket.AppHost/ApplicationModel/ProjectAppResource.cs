namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>
/// A .NET project run from its build output (<c>dotnet App.dll</c>), not <c>dotnet run</c>: the AppHost's build has
/// already built it, and running the dll starts in a second instead of re-evaluating the project.
/// </summary>
public sealed class ProjectAppResource(string name, string dotnetHost, string assemblyPath)
    : ExecutableAppResource(name, dotnetHost, Path.GetDirectoryName(assemblyPath) ?? ".")
{
    public string AssemblyPath { get; } = assemblyPath;
}
