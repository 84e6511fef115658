using CloudPocket.Api.Storage;

namespace CloudPocket.Api.Links;

// What the share page shows of a usable link: the file's name and size, and whether a password is asked for.
public sealed record SharedFile(string Filename, long Size, string ContentType, bool HasPassword, DateTimeOffset ExpiresAt, int? DownloadsLeft)
{
    public static SharedFile From(ShareLinkRecord link, FileRecord file) =>
        new(file.Filename, file.Size, file.ContentType, link.Password is not null, link.ExpiresAt, link.MaxDownloads - link.Downloads);
}
