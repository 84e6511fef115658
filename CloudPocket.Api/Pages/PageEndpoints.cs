using CloudPocket.Api.Security;
using CloudPocket.Api.Tus;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Pages;

// The page for people: static HTML, CSS and ES modules from wwwroot at /, and the share page at /s/{token}.
// Every one of these answers carries the page's Content-Security-Policy and is revalidated on each load.
public static class PageEndpoints
{
    public static WebApplication UsePage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = context => SecurityHeaders.ApplyPagePolicy(context.Context.Response) });
        return app;
    }

    public static IEndpointRouteBuilder MapSharePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/s/{token}", (HttpResponse response, IWebHostEnvironment environment) =>
            {
                SecurityHeaders.ApplyPagePolicy(response);
                return TypedResults.Stream(environment.WebRootFileProvider.GetFileInfo("share.html").CreateReadStream(), "text/html; charset=utf-8");
            })
            .WithName("SharePage")
            .WithTags("Shared files")
            .WithSummary("The share page: the file's name and size, a download button or a password prompt")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        return app;
    }

    public static IEndpointRouteBuilder MapPageSettings(this IEndpointRouteBuilder app)
    {
        app.MapGet(PageSettings.Route, (HttpResponse response, IOptions<TusOptions> tus) =>
            {
                response.Headers.CacheControl = "no-cache";
                return TypedResults.Ok(PageSettings.From(tus.Value));
            })
            .WithName("PageSettings")
            .WithTags("Page")
            .WithSummary("The page's settings: the file size from which it uploads through tus, and its PATCH size");
        return app;
    }
}
