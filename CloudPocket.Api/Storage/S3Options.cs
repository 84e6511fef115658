using System.ComponentModel.DataAnnotations;
using Amazon.Runtime;

namespace CloudPocket.Api.Storage;

// Where the bytes live. Credentials come from the AWS SDK's default chain, never from here.
public sealed class S3Options : IValidatableObject
{
    public const string SectionName = "S3";
    public const int MiB = 1024 * 1024;

    [Required(ErrorMessage = "S3:BucketName (or S3_BUCKET) must name the bucket that holds the files.")]
    public string? BucketName { get; set; }

    // A custom endpoint such as an emulator; empty means AWS (or the SDK's own AWS_ENDPOINT_URL_S3).
    [Url]
    public string? ServiceUrl { get; set; }

    public bool ForcePathStyle { get; set; }

    // AWS_REGION unless set here; with a custom endpoint it only names the signing region (us-east-1 if empty).
    public string? Region { get; set; }

    public bool CreateBucketIfMissing { get; set; }

    // Bounded part buffers keep memory flat; the emulator refuses bodies over 11 MiB and S3 wants 5 MiB or more.
    [Range(5 * MiB, 10 * MiB)]
    public int PartSizeBytes { get; set; } = 8 * MiB;

    [Range(1, 16)]
    public int MaxConcurrentPartUploads { get; set; } = 2;

    // Per attempt; with the retries below an unreachable S3 is reported well within 15 seconds.
    [Range(1, 300)]
    public int RequestTimeoutSeconds { get; set; } = 5;

    // Per attempt, for uploading a part, completing a multipart upload and the pages of the keys-only listing only:
    // these move, assemble or sort megabytes and take longer than other calls (fauxqs needs 4.5-6.5 s to complete 1 GiB; AWS documents minutes for big objects).
    // A dead S3 is still reported within seconds: every upload starts with a call under the short timeout above.
    [Range(1, 3600)]
    public int TransferTimeoutSeconds { get; set; } = 120;

    [Range(0, 10)]
    public int MaxErrorRetry { get; set; } = 1;

    // WHEN_SUPPORTED (the AWS SDK's default): every upload and part carries a CRC32 checksum, sent as an aws-chunked
    // trailer. WHEN_REQUIRED: only operations that require a checksum get one, uploads are signed by their SHA-256
    // alone; for S3 servers without flexible checksums, which refuse the former (400 XAmzContentSHA256Mismatch).
    public RequestChecksumCalculation RequestChecksumCalculation { get; set; } = RequestChecksumCalculation.WHEN_SUPPORTED;

    // WHEN_SUPPORTED: downloads ask for S3's checksum and verify it where one is answered; WHEN_REQUIRED: only where
    // an operation requires it.
    public ResponseChecksumValidation ResponseChecksumValidation { get; set; } = ResponseChecksumValidation.WHEN_SUPPORTED;

    // The checksum that multipart uploads declare and every part carries: none unless checksums are calculated
    // whenever supported.
    public Amazon.S3.ChecksumAlgorithm? PartChecksumAlgorithm =>
        RequestChecksumCalculation == RequestChecksumCalculation.WHEN_SUPPORTED ? Amazon.S3.ChecksumAlgorithm.CRC32 : null;

    // How often each replica reads the change journal for the others' uploads and deletes.
    public TimeSpan JournalPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    // How often each replica compares its index with a keys-only listing of the bucket: what a replica that was
    // killed never wrote to the journal reaches the others' listings then (its downloads work at once anyway).
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    // How often, when anything changed, a replica writes a snapshot of the index for the next start.
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(10);

    // Multipart uploads left behind by a killed process are aborted once they are this old.
    public TimeSpan AbandonedUploadAge { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan AbandonedUploadSweepInterval { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ServiceUrl) && string.IsNullOrWhiteSpace(Region))
        {
            yield return new ValidationResult(
                "Set AWS_REGION (or S3:Region) to use AWS S3, or S3:ServiceUrl to use an emulator.", [nameof(Region)]);
        }
    }
}
