using Amazon.S3;
using Amazon.S3.Model;
using CloudPocket.Api.Storage;
using CloudPocket.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPocket.Tests.Api;

// The API in process against a real S3 server that the fixture starts, with its own bucket. The S3 contract tests
// are written once against this base and run on each backend's fixture: FilesApiFixture (fauxqs) and
// CephApiFixture (Ceph RGW).
public abstract class S3ApiFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int PartSize = 5 * 1024 * 1024;
    private IS3Server? _server;

    public string Bucket { get; } = $"cp-{Guid.NewGuid():N}"[..24];

    public Uri S3Endpoint => (_server ?? throw new InvalidOperationException("The S3 server is not started.")).Endpoint;

    public IAmazonS3 S3 => Services.GetRequiredService<IAmazonS3>();

    protected abstract Task<IS3Server> StartServerAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>The API settings this backend needs beyond its endpoint and bucket.</summary>
    protected virtual IReadOnlyDictionary<string, string> BackendSettings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        // The SDK's default credential chain reads these: fauxqs takes any, the Ceph launcher's user is test/test.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _server = await StartServerAsync(Bucket, timeout.Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("S3:BucketName", Bucket);
        builder.UseSetting("S3:ServiceUrl", S3Endpoint.ToString());
        builder.UseSetting("S3:ForcePathStyle", "true");
        builder.UseSetting("S3:CreateBucketIfMissing", "true");
        builder.UseSetting("S3:PartSizeBytes", PartSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in BackendSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The bucket's keys outside the service's own reserved prefix: the files, as any S3 tool sees them.</summary>
    public async Task<IReadOnlyList<string>> ListBucketKeysAsync()
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = Bucket };
        do
        {
            var page = await S3.ListObjectsV2Async(request);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key).Where(k => !k.StartsWith(ReservedPrefix.Root, StringComparison.Ordinal)));
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return keys;
    }

    /// <summary>The keys of the bucket's multipart uploads that were neither completed nor aborted (fauxqs lists none).</summary>
    public async Task<IReadOnlyList<string>> ListUnfinishedUploadsAsync()
    {
        var listing = await S3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket });
        return [.. (listing.MultipartUploads ?? []).Select(u => u.Key)];
    }

    /// <summary>The file the object at <paramref name="key"/> describes, straight from S3; null if none of ours is there.</summary>
    public Task<FileRecord?> ReadStoredFileAsync(string key) => ReadStoredFileAsync(Bucket, key);

    public async Task<FileRecord?> ReadStoredFileAsync(string bucket, string key) =>
        StoredObject.Read(key, await S3.GetObjectMetadataAsync(bucket, key));

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
