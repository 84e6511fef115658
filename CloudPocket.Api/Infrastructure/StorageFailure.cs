using System.Net;
using AmazonClientException = Amazon.Runtime.AmazonClientException;
using AmazonServiceException = Amazon.Runtime.AmazonServiceException;

namespace CloudPocket.Api.Infrastructure;

// What a failed S3 call means for the client: S3 cannot be reached or is failing (try again later), or S3 understood
// the service's request and refused it (a fault of this service or its configuration: retrying changes nothing).
public enum StorageFailureKind
{
    None,
    Unavailable,
    Rejected,
}

public static class StorageFailure
{
    public static StorageFailureKind Classify(Exception exception, CancellationToken requestAborted) => exception switch
    {
        AmazonServiceException service when IsRefusal(service) => StorageFailureKind.Rejected,
        AmazonServiceException or AmazonClientException or HttpRequestException or TimeoutException => StorageFailureKind.Unavailable,
        OperationCanceledException => requestAborted.IsCancellationRequested ? StorageFailureKind.None : StorageFailureKind.Unavailable,
        AggregateException aggregate => aggregate.InnerExceptions.Select(e => Classify(e, requestAborted)).DefaultIfEmpty().Max(),
        _ => StorageFailureKind.None,
    };

    // A 4xx answer is S3 refusing the request as sent (a bad signature, a checksum it does not support, no access),
    // except those that only say "not now": 408, 429 and S3's 400 RequestTimeout (the body did not arrive in time).
    private static bool IsRefusal(AmazonServiceException exception) =>
        (int)exception.StatusCode is >= 400 and < 500
        && exception.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        && exception.ErrorCode is not "RequestTimeout";
}
