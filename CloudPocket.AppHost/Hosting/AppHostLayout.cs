using System.Reflection;

namespace CloudPocket.AppHost.Hosting;

/// <summary>
/// Paths the build baked into this assembly (see EmbedAppHostPaths in the csproj): the AppHost's project directory
/// and the TargetPath of each referenced project. Nothing machine-specific lives in source.
/// </summary>
internal static class AppHostLayout
{
    private const string ProjectDirectoryKey = "CloudPocket.AppHost.ProjectDirectory";
    private const string ProjectKeyPrefix = "CloudPocket.AppHost.Project:";

    private static readonly Dictionary<string, string> Metadata = typeof(AppHostLayout).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Where(a => a.Value is not null)
        .ToDictionary(a => a.Key, a => a.Value!, StringComparer.Ordinal);

    public static string ProjectDirectory =>
        Metadata.TryGetValue(ProjectDirectoryKey, out var directory)
            ? directory
            : throw new InvalidOperationException("This AppHost assembly was built without its project directory metadata.");

    public static IEnumerable<string> ProjectNames =>
        Metadata.Keys.Where(k => k.StartsWith(ProjectKeyPrefix, StringComparison.Ordinal)).Select(k => k[ProjectKeyPrefix.Length..]);

    /// <summary>The built dll of a referenced project, e.g. <c>CloudPocket.Api</c>.</summary>
    public static string GetProjectTargetPath(string projectName) =>
        Metadata.TryGetValue(ProjectKeyPrefix + projectName, out var path)
            ? path
            : throw new ArgumentException(
                $"'{projectName}' is not a project the AppHost references. Add a ProjectReference with ReferenceOutputAssembly=\"false\" and OutputItemType=\"AppHostProjectOutput\" to CloudPocket.AppHost.csproj. Known: {string.Join(", ", ProjectNames)}.",
                nameof(projectName));
}
