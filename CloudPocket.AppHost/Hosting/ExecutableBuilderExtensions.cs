using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Hosting;

public static class ExecutableBuilderExtensions
{
    /// <summary>Any command as a resource; <paramref name="workingDirectory"/> is relative to the AppHost project.</summary>
    public static AppResourceBuilder<ExecutableAppResource> AddExecutable(
        this AppModelBuilder builder, string name, string command, string workingDirectory, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        var directory = Path.GetFullPath(workingDirectory, AppModelBuilder.ProjectDirectory);
        return builder.AddResource(new ExecutableAppResource(name, command, directory))
            .WithAnnotation(new ArgumentsAnnotation(() => args));
    }
}
