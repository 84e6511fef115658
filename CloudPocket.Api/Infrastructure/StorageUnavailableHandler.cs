using Microsoft.AspNetCore.Diagnostics;

namespace CloudPocket.Api.Infrastructure;

// S3 unreachable, timing out or failing (StorageFailure.Unavailable) becomes a 503 that says so, without the SDK's
// text; the next request tries S3 again, so the service recovers by itself when S3 is back.
public sealed partial class StorageUnavailableHandler(IProblemDetailsService problems, ILogger<StorageUnavailableHandler> logger)
    : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (StorageFailure.Classify(exception, httpContext.RequestAborted) != StorageFailureKind.Unavailable || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogStorageFailure(httpContext.Request.Path, exception.GetType().Name, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = Problems.StorageUnavailableTitle,
                Detail = Problems.StorageUnavailableDetail,
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "S3 unavailable while serving {Path}: {ExceptionType}: {Reason}")]
    private partial void LogStorageFailure(string path, string exceptionType, string reason);
}
