using CloudPocket.AppHost.Telemetry;
using Microsoft.AspNetCore.Http;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>
/// Everything but <c>/login</c> and its style sheet needs the session cookie; without it the answer is 401 with the login page, no data.
/// <c>/login?t=TOKEN</c> sets the cookie (HttpOnly, SameSite=Strict, so other sites cannot drive the action buttons).
/// </summary>
internal sealed class DashboardAuthentication(DashboardToken token)
{
    public const string CookieName = "cloudpocket-dashboard";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase))
        {
            await LogInAsync(context);
            return;
        }

        // Telemetry from the resources carries the run's OTLP key instead of a cookie.
        if (context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            if (token.IsOtlpKey(context.Request.Headers[OtlpEnvironment.ApiKeyHeader]))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // The login page's style holds no data; everything else waits for the cookie.
        if (context.Request.Path.Equals("/assets/dashboard.css", StringComparison.Ordinal)
            || token.IsSession(context.Request.Cookies[CookieName]))
        {
            await next(context);
            return;
        }

        await DashboardAssets.WriteAsync(context, "login.html", StatusCodes.Status401Unauthorized);
    }

    private async Task LogInAsync(HttpContext context)
    {
        if (!token.IsToken(context.Request.Query["t"]))
        {
            await DashboardAssets.WriteAsync(context, "login.html", StatusCodes.Status401Unauthorized);
            return;
        }

        context.Response.Cookies.Append(CookieName, token.Session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
        // Redirect, so the token leaves the address bar and the history entry.
        context.Response.Redirect("/");
    }
}
