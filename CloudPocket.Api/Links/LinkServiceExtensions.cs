using CloudPocket.Api.Security;
using CloudPocket.Api.Storage;

namespace CloudPocket.Api.Links;

public static class LinkServiceExtensions
{
    public static IServiceCollection AddShareLinks(this IServiceCollection services)
    {
        services.AddOptions<ShareLinkOptions>().BindConfiguration(ShareLinkOptions.SectionName).ValidateDataAnnotations()
            .Validate(links => links.DefaultExpiry <= links.MaxExpiry, "Links:DefaultExpiry must not be longer than Links:MaxExpiry.")
            .ValidateOnStart();
        services.AddSingleton<ShareLinkStore>();
        services.AddSingleton<ShareLinks>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, LinkAttemptsPolicy>(LinkAttemptsPolicy.Name));
        return services;
    }
}
