using System.ComponentModel.DataAnnotations;

namespace CloudPocket.Api.Files;

// How downloads are served; configurable under "Downloads".
public sealed class DownloadOptions
{
    public const string SectionName = "Downloads";

    // Off: the API streams the bytes. On: GET and HEAD answer 302 to a presigned GET of the object, so large
    // downloads do not pass through the API; S3 itself then answers ranges and conditional requests.
    public bool RedirectToS3 { get; set; }

    // How long a redirect's presigned URL is valid: long enough to follow it, short enough not to be a share link.
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
