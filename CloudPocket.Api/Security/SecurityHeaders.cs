namespace CloudPocket.Api.Security;

public static class SecurityHeaders
{
    // Every answer, errors and health included, tells browsers not to guess content types. Set as the response
    // starts, because the exception handler clears the response (headers too) before it writes a problem.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(next => context =>
    {
        context.Response.OnStarting(static state =>
        {
            ((HttpResponse)state).Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
