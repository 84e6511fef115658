using AmazonServiceException = Amazon.Runtime.AmazonServiceException;
using Microsoft.AspNetCore.Diagnostics;

namespace CloudPocket.Api.Infrastructure;

// S3 refused a request the service made (StorageFailure.Rejected): a 502 that says the storage refused it, never
// "try again later", and an error in the log with S3's own code, for the operator to fix the configuration.
public sealed partial class StorageRejectedHandler(ILogger<StorageRejectedHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (StorageFailure.Classify(exception, httpContext.RequestAborted) != StorageFailureKind.Rejected || httpContext.Response.HasStarted)
        {
            return false;
        }

        var refusal = Refusal(exception);
        LogStorageRejected(httpContext.Request.Path, (int?)refusal?.StatusCode, refusal?.ErrorCode, exception.Message);
        // As ProblemExceptionHandler does: answered whatever the Accept header says.
        await TypedResults.Problem(Problems.StorageRejectedDetail, statusCode: StatusCodes.Status502BadGateway, title: Problems.StorageRejectedTitle)
            .ExecuteAsync(httpContext);
        return true;
    }

    private static AmazonServiceException? Refusal(Exception exception) => exception switch
    {
        AmazonServiceException service => service,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Refusal).FirstOrDefault(e => e is not null),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "S3 refused a request made while serving {Path}: {StatusCode} {ErrorCode}: {Reason}")]
    private partial void LogStorageRejected(string path, int? statusCode, string? errorCode, string reason);
}
