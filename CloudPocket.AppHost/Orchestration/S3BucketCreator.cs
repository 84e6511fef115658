using System.Net;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>Creates a bucket on the emulator with a plain unsigned PUT (fauxqs accepts any or no credentials).</summary>
internal static class S3BucketCreator
{
    public static async Task EnsureAsync(Uri endpoint, string bucket, CancellationToken cancellationToken)
    {
        using var response = await LoopbackHttp.Client
            .PutAsync(new Uri(endpoint, Uri.EscapeDataString(bucket)), content: null, cancellationToken)
            ;

        // Creating an existing bucket is fine: 200 from fauxqs, 409 from stricter servers.
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
        {
            throw new HttpRequestException($"creating bucket '{bucket}' returned {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }
}
