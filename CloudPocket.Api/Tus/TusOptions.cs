using System.ComponentModel.DataAnnotations;

namespace CloudPocket.Api.Tus;

// Resumable uploads, under "Tus".
public sealed class TusOptions
{
    public const string SectionName = "Tus";

    // How long an upload may rest between requests (each PATCH renews it), and how long a finished upload's record
    // still answers HEAD with the file's key. Then the sweep removes it.
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromHours(24);

    // How long a PATCH holds the upload without renewing its lock (it renews well before); a replica that dies
    // mid-PATCH holds it no longer than this.
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LockLease { get; set; } = TimeSpan.FromSeconds(30);

    // The page sends files of this size and above through tus (pause, resume, resume after a reload); smaller ones
    // go in one POST /upload/.
    [Range(1, long.MaxValue)]
    public long PageThresholdBytes { get; set; } = 64L * 1024 * 1024;

    // The page's PATCH size: each request stays below a proxy's request-size cap (Cloudflare's 100 MB).
    [Range(1, int.MaxValue)]
    public int PageChunkBytes { get; set; } = 32 * 1024 * 1024;
}
