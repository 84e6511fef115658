using Amazon.S3;
using Amazon.S3.Model;

namespace CloudPocket.Benchmarks;

// S3FileStore.ListKeysAsync done by the SDK alone: keys only, one listing per first character of the key (keys are
// base32, so 32 prefixes), 4 prefixes at once. What the emulator needs for the reconciliation, without the API.
internal static class KeyListing
{
    public const int Concurrency = 4;
    public const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static async Task<int> ListAsync(IAmazonS3 s3, string bucket, CancellationToken cancellationToken)
    {
        var count = 0;
        await Parallel.ForEachAsync(Alphabet, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (first, ct) =>
        {
            var request = new ListObjectsV2Request { BucketName = bucket, Prefix = first.ToString() };
            do
            {
                var page = await s3.ListObjectsV2Async(request, ct);
                Interlocked.Add(ref count, page.S3Objects?.Count ?? 0);
                request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (request.ContinuationToken is not null);
        });
        return count;
    }
}
