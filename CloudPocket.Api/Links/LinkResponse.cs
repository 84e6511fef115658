using CloudPocket.Api.Storage;

namespace CloudPocket.Api.Links;

// A share link as its owner sees it: url is absolute, the page at /s/{token}.
public sealed record LinkResponse(string Id, string Url, DateTimeOffset ExpiresAt, int? MaxDownloads, int Downloads, bool HasPassword)
{
    public static LinkResponse From(ShareLinkRecord link, HttpRequest request) =>
        new(link.Id, $"{request.Scheme}://{request.Host}{request.PathBase}/s/{LinkToken.Of(link)}", link.ExpiresAt,
            link.MaxDownloads, link.Downloads, link.Password is not null);
}
