using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using CloudPocket.Api.Infrastructure;

namespace CloudPocket.Tests.Unit;

public class StorageFailureTests
{
    private static AmazonS3Exception Answer(HttpStatusCode status, string code) =>
        new($"S3 answered {code}", ErrorType.Sender, code, "request-id", status);

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "XAmzContentSHA256Mismatch")]
    [InlineData(HttpStatusCode.BadRequest, "InvalidArgument")]
    [InlineData(HttpStatusCode.Forbidden, "SignatureDoesNotMatch")]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied")]
    [InlineData(HttpStatusCode.NotFound, "NoSuchBucket")]
    [InlineData(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed")]
    public void AFourHundredAnswerToTheServicesOwnRequestIsARefusal(HttpStatusCode status, string code) =>
        Assert.Equal(StorageFailureKind.Rejected, StorageFailure.Classify(Answer(status, code), CancellationToken.None));

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "SlowDown")]
    [InlineData(HttpStatusCode.BadRequest, "RequestTimeout")]
    [InlineData(HttpStatusCode.RequestTimeout, "RequestTimeout")]
    [InlineData(HttpStatusCode.TooManyRequests, "TooManyRequests")]
    public void FailuresThatOnlySayNotNowAreUnavailability(HttpStatusCode status, string code) =>
        Assert.Equal(StorageFailureKind.Unavailable, StorageFailure.Classify(Answer(status, code), CancellationToken.None));

    [Fact]
    public void UnreachableAndTimedOutStorageIsUnavailable()
    {
        Assert.Equal(StorageFailureKind.Unavailable, StorageFailure.Classify(new HttpRequestException("connection refused"), CancellationToken.None));
        Assert.Equal(StorageFailureKind.Unavailable, StorageFailure.Classify(new TimeoutException(), CancellationToken.None));
        Assert.Equal(StorageFailureKind.Unavailable, StorageFailure.Classify(new AmazonClientException("no answer"), CancellationToken.None));
        Assert.Equal(StorageFailureKind.Unavailable, StorageFailure.Classify(new TaskCanceledException(), CancellationToken.None));
    }

    [Fact]
    public void ACancellationBecauseTheClientLeftIsNoStorageFailure()
    {
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();

        Assert.Equal(StorageFailureKind.None, StorageFailure.Classify(new OperationCanceledException(aborted.Token), aborted.Token));
        Assert.Equal(StorageFailureKind.None, StorageFailure.Classify(new InvalidOperationException(), CancellationToken.None));
    }

    [Fact]
    public void AFailedPartAmongOthersIsClassifiedByTheRefusal()
    {
        var parts = new AggregateException(new HttpRequestException("reset"), Answer(HttpStatusCode.BadRequest, "XAmzContentSHA256Mismatch"));

        Assert.Equal(StorageFailureKind.Rejected, StorageFailure.Classify(parts, CancellationToken.None));
    }
}
