using CloudPocket.Api.Infrastructure;

namespace CloudPocket.Api.Tus;

// Every tus response says which protocol version it speaks (errors too: the header is added when the response starts,
// after the exception handler has cleared the response), and every request but OPTIONS must speak 1.0.0.
public sealed class TusResumableFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[TusHeaders.TusResumable] = TusHeaders.Version;
            return Task.CompletedTask;
        });
        if (!HttpMethods.IsOptions(http.Request.Method) && http.Request.Headers[TusHeaders.TusResumable] != TusHeaders.Version)
        {
            throw Problems.TusVersionUnsupported(TusHeaders.Version);
        }

        return next(context);
    }
}
