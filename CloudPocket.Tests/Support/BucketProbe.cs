using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace CloudPocket.Tests.Support;

// Looks into the emulator's bucket directly, to check what the API left behind: the keys outside its reserved prefix.
public static class BucketProbe
{
    public static async Task<IReadOnlyList<string>> ListKeysAsync(Uri s3Endpoint, string bucket, CancellationToken cancellationToken)
    {
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("test", "test"),
            new AmazonS3Config { ServiceURL = s3Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket };
        do
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key).Where(k => !k.StartsWith(CloudPocket.Api.Storage.ReservedPrefix.Root, StringComparison.Ordinal)));
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return keys;
    }
}
