using System.ComponentModel.DataAnnotations;

namespace CloudPocket.Api.Storage;

// Where the bytes live. Credentials and region come from the AWS SDK's default chain, never from here.
public sealed class S3Options
{
    public const string SectionName = "S3";
    public const int MiB = 1024 * 1024;

    [Required(ErrorMessage = "S3:BucketName (or S3_BUCKET) must name the bucket that holds the files.")]
    public string? BucketName { get; set; }

    // A custom endpoint such as an emulator; empty means AWS (or the SDK's own AWS_ENDPOINT_URL_S3).
    [Url]
    public string? ServiceUrl { get; set; }

    public bool ForcePathStyle { get; set; }

    public bool CreateBucketIfMissing { get; set; }

    // Bounded part buffers keep memory flat; the emulator refuses bodies over 11 MiB and S3 wants 5 MiB or more.
    [Range(5 * MiB, 10 * MiB)]
    public int PartSizeBytes { get; set; } = 8 * MiB;

    [Range(1, 16)]
    public int MaxConcurrentPartUploads { get; set; } = 2;

    // Per attempt; with the retries below an unreachable S3 is reported well within 15 seconds.
    [Range(1, 300)]
    public int RequestTimeoutSeconds { get; set; } = 5;

    [Range(0, 10)]
    public int MaxErrorRetry { get; set; } = 1;
}
