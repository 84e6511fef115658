using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Storage;

namespace CloudPocket.Api.Links;

// What a share link allows, decided from the link and the time alone: how a request makes one, whether it can
// still be used, and whether a password opens it. Every refusal is the ProblemException the client gets.
public static class LinkRules
{
    public static ShareLinkRecord Create(string s3Key, CreateLinkRequest request, ShareLinkOptions options, DateTimeOffset now)
    {
        var expiresIn = request.ExpiresIn is { } seconds ? ExpiryOf(seconds, options) : options.DefaultExpiry;
        if (request.MaxDownloads is < 1)
        {
            throw Problems.InvalidRequest("max_downloads must be at least 1 (leave it out for no limit).");
        }

        if (request.Password is { } password && (password.Length == 0 || password.Length > LinkPassword.MaxLength))
        {
            throw Problems.InvalidRequest($"password must be 1 to {LinkPassword.MaxLength} characters (leave it out for none).");
        }

        var (id, secret) = LinkToken.New();
        return new ShareLinkRecord(id, secret, s3Key, now, now + expiresIn, request.MaxDownloads, 0,
            request.Password is { } set ? LinkPassword.Hash(set) : null);
    }

    /// <summary>Throws the 410 that says why the link can no longer be used: revoked, expired or used up.</summary>
    public static void EnsureUsable(ShareLinkRecord link, DateTimeOffset now)
    {
        if (link.RevokedAt is not null)
        {
            throw Problems.LinkRevoked();
        }

        if (now >= link.ExpiresAt)
        {
            throw Problems.LinkExpired(link.ExpiresAt);
        }

        if (link.Downloads >= link.MaxDownloads)
        {
            throw Problems.LinkUsedUp();
        }
    }

    /// <summary>Throws 401 when the link has a password and none was given, 403 when the given one is wrong.</summary>
    public static void EnsurePassword(ShareLinkRecord link, string? password)
    {
        if (link.Password is null)
        {
            return;
        }

        if (string.IsNullOrEmpty(password))
        {
            throw Problems.LinkPasswordRequired();
        }

        if (password.Length > LinkPassword.MaxLength || !LinkPassword.Verify(link.Password, password))
        {
            throw Problems.WrongLinkPassword();
        }
    }

    public static ShareLinkRecord CountDownload(ShareLinkRecord link) => link with { Downloads = link.Downloads + 1 };

    public static ShareLinkRecord Revoke(ShareLinkRecord link, DateTimeOffset now) => link with { RevokedAt = link.RevokedAt ?? now };

    private static TimeSpan ExpiryOf(long seconds, ShareLinkOptions options)
    {
        if (seconds < 1 || seconds > options.MaxExpiry.TotalSeconds)
        {
            throw Problems.InvalidRequest($"expires_in must be between 1 and {(long)options.MaxExpiry.TotalSeconds} seconds.");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
