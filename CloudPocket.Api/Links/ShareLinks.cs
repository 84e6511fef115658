using System.Collections.Concurrent;
using CloudPocket.Api.Files;
using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Storage;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Links;

// Makes, lists, revokes and opens share links; the bucket holds them (ShareLinkStore), LinkRules decides.
// A download is counted with a read, a check and a write of the link's object under a lock for that link, so
// concurrent downloads on one replica are counted exactly and never exceed max_downloads. Replicas do not share
// the lock: downloads racing on different replicas within one read-write (a few milliseconds) can each be let through.
public sealed class ShareLinks(ShareLinkStore store, FileLookup files, IOptions<ShareLinkOptions> options, TimeProvider clock)
{
    private const int LockStripes = 64;
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, LockStripes).Select(_ => new SemaphoreSlim(1, 1))];

    // Which file each link shares never changes, so a listing of a file's links reads only links of that file or not yet seen.
    private readonly ConcurrentDictionary<string, string> _fileOfLink = new(StringComparer.Ordinal);

    public async Task<ShareLinkRecord> CreateAsync(string s3Key, CreateLinkRequest request, CancellationToken cancellationToken)
    {
        var file = await files.FindAsync(s3Key, cancellationToken);
        var link = LinkRules.Create(file.S3Key, request, options.Value, clock.GetUtcNow());
        await store.WriteAsync(link, cancellationToken);
        _fileOfLink[link.Id] = link.S3Key;
        return link;
    }

    /// <summary>The file's links that are not revoked, newest first.</summary>
    public async Task<IReadOnlyList<ShareLinkRecord>> ListAsync(string s3Key, CancellationToken cancellationToken)
    {
        var file = await files.FindAsync(s3Key, cancellationToken);
        var links = new List<ShareLinkRecord>();
        foreach (var id in await store.ListIdsAsync(cancellationToken))
        {
            if (_fileOfLink.TryGetValue(id, out var known) && known != file.S3Key)
            {
                continue;
            }

            if (await store.ReadAsync(id, cancellationToken) is { } link)
            {
                _fileOfLink[id] = link.S3Key;
                if (link.S3Key == file.S3Key && link.RevokedAt is null)
                {
                    links.Add(link);
                }
            }
        }

        return [.. links.OrderByDescending(l => l.CreatedAt)];
    }

    public async Task RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var link = StorageKey.IsValid(id) ? await store.ReadAsync(id, cancellationToken) : null;
        if (link is null || link.RevokedAt is not null)
        {
            throw Problems.LinkNotFound();
        }

        await WithLockAsync(id, async () =>
        {
            var current = await store.ReadAsync(id, cancellationToken) ?? link;
            await store.WriteAsync(LinkRules.Revoke(current, clock.GetUtcNow()), cancellationToken);
        });
    }

    /// <summary>The usable link of <paramref name="token"/> and its file, without counting a download.</summary>
    public async Task<(ShareLinkRecord Link, FileRecord File)> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var link = await FindAsync(token, cancellationToken);
        LinkRules.EnsureUsable(link, clock.GetUtcNow());
        return (link, await SharedFileAsync(link, cancellationToken));
    }

    /// <summary>Checks the password and counts one download of the link; returns the file to serve.</summary>
    public async Task<FileRecord> ClaimDownloadAsync(string token, string? password, CancellationToken cancellationToken)
    {
        var (link, file) = await OpenAsync(token, cancellationToken);
        // The slow hash runs outside the lock: the password never changes, and guesses must not hold up downloads.
        LinkRules.EnsurePassword(link, password);
        await WithLockAsync(link.Id, async () =>
        {
            var current = await store.ReadAsync(link.Id, cancellationToken) ?? throw Problems.LinkNotFound();
            LinkRules.EnsureUsable(current, clock.GetUtcNow());
            await store.WriteAsync(LinkRules.CountDownload(current), cancellationToken);
        });
        return file;
    }

    private async Task<ShareLinkRecord> FindAsync(string token, CancellationToken cancellationToken)
    {
        var id = LinkToken.IdOf(token);
        var link = id is null ? null : await store.ReadAsync(id, cancellationToken);
        return link is not null && LinkToken.Matches(link, token) ? link : throw Problems.LinkNotFound();
    }

    private async Task<FileRecord> SharedFileAsync(ShareLinkRecord link, CancellationToken cancellationToken)
    {
        try
        {
            return await files.FindAsync(link.S3Key, cancellationToken);
        }
        catch (ProblemException e) when (e.StatusCode == StatusCodes.Status404NotFound)
        {
            throw Problems.SharedFileDeleted();
        }
    }

    private async Task WithLockAsync(string id, Func<Task> action)
    {
        var gate = _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(id) % LockStripes)];
        await gate.WaitAsync();
        try
        {
            await action();
        }
        finally
        {
            gate.Release();
        }
    }
}
