using System.ComponentModel.DataAnnotations;

namespace CloudPocket.Api.Files;

// Limits on what one client may send; every one is configurable under "Uploads".
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    // 5 GiB: the largest object S3 copies in one operation, and a sane ceiling for a personal file store.
    [Range(1, long.MaxValue)]
    public long MaxFileSizeBytes { get; set; } = 5L * 1024 * 1024 * 1024;

    // Form fields besides `file` are read and ignored; thousands of them are an attack, not a form.
    [Range(1, 1000)]
    public int MaxFormParts { get; set; } = 16;

    // Part headers carry the filename; 64 KiB leaves room for a long name in both filename and filename* forms.
    [Range(1024, 1024 * 1024)]
    public int MaxPartHeadersBytes { get; set; } = 64 * 1024;

    // Per client address, per minute.
    [Range(1, int.MaxValue)]
    public int PermitsPerMinute { get; set; } = 600;
}
