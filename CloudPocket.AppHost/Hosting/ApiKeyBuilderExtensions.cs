using System.Buffers.Text;
using System.Security.Cryptography;
using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Hosting;

public static class ApiKeyBuilderExtensions
{
    /// <summary>
    /// Runs the project with a fresh random API key (256 bits) that it requires on its files endpoints
    /// (<c>Access__ApiKeys__0</c>). The AppHost prints it, and the testing entry point's HTTP clients send it.
    /// With <paramref name="onlyWithArgument"/>, only when the AppHost was started with that argument.
    /// </summary>
    public static AppResourceBuilder<ProjectAppResource> WithGeneratedApiKey(
        this AppResourceBuilder<ProjectAppResource> builder, string? onlyWithArgument = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (onlyWithArgument is not null && !builder.App.Options.Args.Contains(onlyWithArgument, StringComparer.Ordinal))
        {
            return builder;
        }

        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return builder
            .WithAnnotation(new ApiKeyAnnotation(key))
            .WithEnvironment("Access__ApiKeys__0", key);
    }

    public static string? GetApiKey(this AppResource resource) =>
        resource.GetAnnotations<ApiKeyAnnotation>().LastOrDefault()?.Key;
}
