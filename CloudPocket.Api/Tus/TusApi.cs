using System.Globalization;
using CloudPocket.Api.Files;
using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Security;
using CloudPocket.Api.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CloudPocket.Api.Tus;

// tus 1.0.0 at /tus/: core, creation, creation-with-upload, termination, checksum and expiration. Uploads made here
// become files exactly like POST /upload/'s, under the same API keys, size limit and rate limit.
public static class TusApi
{
    public const string Route = "/tus/";

    public static IEndpointRouteBuilder MapTusApi(this IEndpointRouteBuilder app)
    {
        var tus = app.MapGroup("/tus").WithTags("Resumable uploads (tus)")
            .AddEndpointFilter<TusResumableFilter>().AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        tus.MapMethods("/", [HttpMethods.Options], Options)
            .WithName("TusOptions")
            .WithSummary("The tus version, extensions, checksum algorithms and largest upload this server supports");
        tus.MapPost("/", CreateAsync)
            .WithName("TusCreateUpload")
            .WithSummary("Create an upload of Upload-Length bytes (creation); a body of application/offset+octet-stream is its first bytes (creation-with-upload)")
            .RequireRateLimiting(UploadRateLimiting.Policy)
            .WithTusBody(required: false, TusHeaders.UploadLength, TusHeaders.UploadMetadata)
            .WithTusProblems(StatusCodes.Status400BadRequest, StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);
        tus.MapMethods("/{id}", [HttpMethods.Head], HeadAsync)
            .WithName("TusGetUploadOffset")
            .WithSummary("The upload's offset and length; once complete, the file's key in CloudPocket-S3-Key")
            .WithTusHeaders()
            .WithTusProblems(StatusCodes.Status404NotFound, StatusCodes.Status410Gone, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);
        tus.MapPatch("/{id}", PatchAsync)
            .WithName("TusAppendToUpload")
            .WithSummary("Append application/offset+octet-stream bytes at Upload-Offset; the last ones commit the file")
            .RequireRateLimiting(UploadRateLimiting.Policy)
            .WithTusBody(required: true, TusHeaders.UploadOffset, TusHeaders.UploadChecksum)
            .WithTusProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status410Gone,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status423Locked, StatusCodes.Status429TooManyRequests, 460, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);
        tus.MapDelete("/{id}", TerminateAsync)
            .WithName("TusTerminateUpload")
            .WithSummary("Abort the upload and discard its bytes (termination)")
            .WithTusHeaders()
            .WithTusProblems(StatusCodes.Status404NotFound, StatusCodes.Status410Gone, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status423Locked, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static NoContent Options(HttpResponse response, IOptions<UploadOptions> uploads)
    {
        response.Headers[TusHeaders.TusVersion] = TusHeaders.Version;
        response.Headers[TusHeaders.TusExtension] = TusHeaders.Extensions;
        response.Headers[TusHeaders.TusChecksumAlgorithm] = TusHeaders.ChecksumAlgorithms;
        response.Headers[TusHeaders.TusMaxSize] = uploads.Value.MaxFileSizeBytes.ToString(CultureInfo.InvariantCulture);
        return TypedResults.NoContent();
    }

    public static async Task<Created> CreateAsync(HttpContext context, TusUploads uploads, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey(TusHeaders.UploadDeferLength))
        {
            throw Problems.InvalidUpload("Upload-Defer-Length is not supported: send Upload-Length.");
        }

        var length = ReadLength(request, TusHeaders.UploadLength);
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (hasBody)
        {
            RequireOffsetContentType(request);
        }

        var upload = await uploads.CreateAsync(length, request.Headers[TusHeaders.UploadMetadata], cancellationToken);
        if (hasBody || length == 0)
        {
            upload = await AppendAsync(context, uploads, upload.Id, 0, cancellationToken);
        }

        Describe(context.Response, upload);
        return TypedResults.Created(Route + upload.Id);
    }

    public static async Task<Ok> HeadAsync(string id, HttpResponse response, TusUploads uploads, CancellationToken cancellationToken)
    {
        var upload = await uploads.FindAsync(id, cancellationToken);
        Describe(response, upload);
        response.Headers[TusHeaders.UploadLength] = upload.Length.ToString(CultureInfo.InvariantCulture);
        if (upload.Metadata is { Length: > 0 } metadata)
        {
            response.Headers[TusHeaders.UploadMetadata] = metadata;
        }

        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok();
    }

    public static async Task<NoContent> PatchAsync(string id, HttpContext context, TusUploads uploads, CancellationToken cancellationToken)
    {
        RequireOffsetContentType(context.Request);
        var upload = await AppendAsync(context, uploads, id, ReadLength(context.Request, TusHeaders.UploadOffset), cancellationToken);
        Describe(context.Response, upload);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> TerminateAsync(string id, TusUploads uploads, CancellationToken cancellationToken)
    {
        await uploads.TerminateAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<ResumableUpload> AppendAsync(HttpContext context, TusUploads uploads, string id, long offset, CancellationToken cancellationToken)
    {
        // The body streams to S3 part by part; Kestrel's 30 MB default gives way to the upload's own length, which
        // TusUploads holds each request to.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        using var checksum = TusChecksum.Parse(context.Request.Headers[TusHeaders.UploadChecksum]);
        return await uploads.AppendAsync(id, offset, context.Request.Body, context.Request.ContentLength, checksum, cancellationToken);
    }

    private static void Describe(HttpResponse response, ResumableUpload upload)
    {
        response.Headers[TusHeaders.UploadOffset] = upload.Offset.ToString(CultureInfo.InvariantCulture);
        response.Headers[TusHeaders.UploadExpires] = upload.ExpiresAt.ToString("r", CultureInfo.InvariantCulture);
        if (upload.IsCompleted)
        {
            response.Headers[TusHeaders.S3Key] = upload.S3Key;
        }
    }

    private static void RequireOffsetContentType(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals(TusHeaders.OffsetContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw Problems.UnsupportedMediaType($"Send the bytes as {TusHeaders.OffsetContentType}.");
        }
    }

    private static long ReadLength(HttpRequest request, string header) =>
        long.TryParse(request.Headers[header], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Problems.InvalidUpload($"{header} must be a non-negative integer.");

    private static RouteHandlerBuilder WithTusProblems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            endpoint.ProducesProblem(status);
        }

        return endpoint;
    }
}
