using CloudPocket.Api.Files;
using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Security;
using CloudPocket.Api.Storage;
using CloudPocket.Api.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace CloudPocket.Api.Links;

public static class LinksApi
{
    public static IEndpointRouteBuilder MapLinksApi(this IEndpointRouteBuilder app)
    {
        // Making, listing and revoking links is the files' owner's business: API key, like every files endpoint.
        var owner = app.MapGroup("").WithTags("Share links").AddEndpointFilter<ApiKeyFilter>().ProducesProblem(StatusCodes.Status401Unauthorized);
        owner.MapPost("/files/{s3_key}/links", CreateLinkAsync)
            .WithName("CreateShareLink")
            .WithSummary("Make a share link to the file: optional expiry (seconds), download limit and password")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesStorageProblems();
        owner.MapGet("/files/{s3_key}/links", ListLinksAsync)
            .WithName("ListShareLinks")
            .WithSummary("The file's share links that are not revoked, newest first")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesStorageProblems();
        owner.MapDelete("/links/{id}", RevokeLinkAsync)
            .WithName("RevokeShareLink")
            .WithSummary("Revoke a share link: its page and downloads answer 410 from then on")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesStorageProblems();

        // Whoever has the token: no API key, each request limited per link and client.
        var shared = app.MapGroup("/s/{token}").WithTags("Shared files").RequireRateLimiting(LinkAttemptsPolicy.Name)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesStorageProblems();
        shared.MapGet("/info", GetSharedFileAsync)
            .WithName("GetSharedFile")
            .WithSummary("The shared file's name and size, and whether the link asks for a password");
        shared.MapGet("/download", DownloadSharedFileAsync)
            .WithName("DownloadSharedFile")
            .WithSummary("The shared file's bytes, as /download/ answers them; counts one download. A link with a password answers 401")
            .ProducesDownload(sendsBody: true, mayRedirect: false)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        shared.MapPost("/download", DownloadSharedFileWithPasswordAsync)
            .WithName("DownloadSharedFileWithPassword")
            .WithSummary("The shared file's bytes for the form field 'password' (urlencoded or multipart); counts one download. A wrong password answers 403")
            .ProducesDownload(sendsBody: true, mayRedirect: false)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithFormBody(["application/x-www-form-urlencoded", "multipart/form-data"], "password", new OpenApiSchema { Type = JsonSchemaType.String })
            // A form post from the share page carries no antiforgery token: nothing here rides on a cookie.
            .DisableAntiforgery();

        return app;
    }

    public static async Task<Created<LinkResponse>> CreateLinkAsync(
        [FromRoute(Name = "s3_key")] string key, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] CreateLinkRequest? request,
        ShareLinks links, HttpRequest http, CancellationToken cancellationToken)
    {
        var link = await links.CreateAsync(key, request ?? new CreateLinkRequest(), cancellationToken);
        return TypedResults.Created((string?)null, LinkResponse.From(link, http));
    }

    public static async Task<Ok<IReadOnlyList<LinkResponse>>> ListLinksAsync(
        [FromRoute(Name = "s3_key")] string key, ShareLinks links, HttpRequest http, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<LinkResponse>>([.. (await links.ListAsync(key, cancellationToken)).Select(l => LinkResponse.From(l, http))]);

    public static async Task<NoContent> RevokeLinkAsync(string id, ShareLinks links, CancellationToken cancellationToken)
    {
        await links.RevokeAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<SharedFile>> GetSharedFileAsync(string token, ShareLinks links, CancellationToken cancellationToken)
    {
        var (link, file) = await links.OpenAsync(token, cancellationToken);
        return TypedResults.Ok(SharedFile.From(link, file));
    }

    public static async Task<S3FileResult> DownloadSharedFileAsync(
        string token, ShareLinks links, S3FileStore store, FileTransferMetrics metrics, CancellationToken cancellationToken) =>
        new(await links.ClaimDownloadAsync(token, password: null, cancellationToken), store, metrics);

    public static async Task<S3FileResult> DownloadSharedFileWithPasswordAsync(
        string token, HttpRequest request, ShareLinks links, S3FileStore store, FileTransferMetrics metrics, CancellationToken cancellationToken)
    {
        var password = await PasswordForm.ReadAsync(request, cancellationToken);
        return new(await links.ClaimDownloadAsync(token, password, cancellationToken), store, metrics);
    }
}
