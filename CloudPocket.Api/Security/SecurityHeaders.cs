namespace CloudPocket.Api.Security;

public static class SecurityHeaders
{
    // The page's own answers: scripts, styles and everything else only from this origin, no inline script, no eval;
    // images also from data: and blob: (the QR code); no framing by others; forms post only here. No referrer,
    // as a share page's address is its secret.
    public const string PagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

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

    public static void ApplyPagePolicy(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = PagePolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-cache";
    }
}
