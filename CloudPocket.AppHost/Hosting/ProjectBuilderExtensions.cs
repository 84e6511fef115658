using System.Globalization;
using CloudPocket.AppHost.ApplicationModel;
using CloudPocket.AppHost.Orchestration;

namespace CloudPocket.AppHost.Hosting;

public static class ProjectBuilderExtensions
{
    /// <summary>
    /// A referenced ASP.NET Core project (by project name, e.g. <c>CloudPocket.Api</c>), run from its build output
    /// with <c>dotnet App.dll</c> in its output directory, listening on its own loopback port in Development.
    /// </summary>
    public static AppResourceBuilder<ProjectAppResource> AddProject(this AppModelBuilder builder, string name, string projectName, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var assemblyPath = AppHostLayout.GetProjectTargetPath(projectName);
        var resource = new ProjectAppResource(name, DotNetHost.Path, assemblyPath);
        return builder.AddResource(resource)
            .WithAnnotation(new PortAnnotation(port))
            .WithAnnotation(new ArgumentsAnnotation(() => [resource.AssemblyPath]))
            .WithAnnotation(new PreflightAnnotation(() => File.Exists(assemblyPath)
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"{projectName} is not built ({assemblyPath} is missing): build the AppHost, which builds it.")))
            .WithEnvironment("ASPNETCORE_URLS", resource.GetUrl)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development");
    }
}
