using Microsoft.AspNetCore.Diagnostics;

namespace CloudPocket.Api.Infrastructure;

// The one place a client error becomes its answer: a ProblemException from an endpoint, a filter or the rate
// limiter, or a parameter ASP.NET Core could not bind (RouteHandlerOptions.ThrowOnBadRequest is on), is written as
// an RFC 9457 ProblemDetails with its status and headers.
public sealed class ProblemExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ProblemException thrown => thrown,
            BadHttpRequestException rejected => Problems.InvalidRequest(rejected),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        foreach (var (name, value) in problem.Headers)
        {
            httpContext.Response.Headers[name] = value;
        }

        // Through TypedResults rather than IProblemDetailsService.TryWriteAsync: that writes nothing when the Accept
        // header rules out JSON (a download client asking only for application/octet-stream), this still answers.
        await TypedResults.Problem(problem.Detail, statusCode: problem.StatusCode, title: problem.Title).ExecuteAsync(httpContext);
        return true;
    }
}
