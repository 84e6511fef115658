using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace CloudPocket.Api.Storage;

// Every listing of the bucket pages the same way; here once.
internal static class S3Listing
{
    public static async IAsyncEnumerable<S3Object> ListAllAsync(this IAmazonS3 s3, ListObjectsV2Request request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        do
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var listed in page.S3Objects ?? [])
            {
                yield return listed;
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }
}
