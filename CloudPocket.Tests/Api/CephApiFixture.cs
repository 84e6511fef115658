using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Api;

// The API in process against a real Ceph RADOS Gateway (a private single-node cluster per fixture), with the
// settings the API documents for an S3 server without flexible checksums.
public sealed class CephApiFixture : S3ApiFixture
{
    protected override IReadOnlyDictionary<string, string> BackendSettings { get; } = new Dictionary<string, string>
    {
        ["S3:RequestChecksumCalculation"] = "WHEN_REQUIRED",
        ["S3:ResponseChecksumValidation"] = "WHEN_REQUIRED",
    };

    protected override async Task<IS3Server> StartServerAsync(string bucket, CancellationToken cancellationToken) =>
        await CephRgwProcess.StartAsync(bucket, cancellationToken);
}
