using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>
/// The pages, script and style, embedded in the AppHost assembly: no front-end build, nothing to copy next to the
/// binary. Only names on this list are served, so a path can never reach anything else.
/// </summary>
internal static class DashboardAssets
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["logs.html"] = "text/html; charset=utf-8",
        ["login.html"] = "text/html; charset=utf-8",
        ["traces.html"] = "text/html; charset=utf-8",
        ["trace.html"] = "text/html; charset=utf-8",
        ["traces.js"] = "text/javascript; charset=utf-8",
        ["trace.js"] = "text/javascript; charset=utf-8",
        ["structured.html"] = "text/html; charset=utf-8",
        ["structured.js"] = "text/javascript; charset=utf-8",
        ["metrics.html"] = "text/html; charset=utf-8",
        ["metrics.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["common.js"] = "text/javascript; charset=utf-8",
        ["resources.js"] = "text/javascript; charset=utf-8",
        ["logs.js"] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool Exists(string name) => ContentTypes.ContainsKey(name);

    public static async Task WriteAsync(HttpContext context, string name, int statusCode = StatusCodes.Status200OK)
    {
        await using var asset = typeof(DashboardAssets).Assembly.GetManifestResourceStream("dashboard/" + name)
            ?? throw new InvalidOperationException($"The dashboard asset '{name}' is not embedded.");
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentTypes[name];
        response.ContentLength = asset.Length;
        // Scripts only from here, no inline code: a resource name or log line can never run as script.
        response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        await asset.CopyToAsync(response.Body, context.RequestAborted);
    }
}
