namespace CloudPocket.Api.Security;

public static class SecurityHeaders
{
    // Every answer, errors and health included, tells browsers not to guess content types.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(next => context =>
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return next(context);
    });
}
