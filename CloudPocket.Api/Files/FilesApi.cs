using System.ComponentModel;
using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Security;
using CloudPocket.Api.Storage;
using CloudPocket.Api.Telemetry;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Files;

public static class FilesApi
{
    public const int MaxPageSize = 1000;
    private const long FormOverheadBytes = 16 * 1024 * 1024;

    public static IEndpointRouteBuilder MapFilesApi(this IEndpointRouteBuilder app)
    {
        // With keys configured, ApiKeyFilter answers any files request without one: 401 on every operation.
        var api = app.MapGroup("").WithTags("Files").AddEndpointFilter<ApiKeyFilter>().ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPost("/upload/", UploadFileAsync)
            .WithName("UploadFile")
            .WithSummary("Upload one file as multipart/form-data field 'file'")
            .WithMultipartFileBody()
            .RequireRateLimiting(UploadRateLimiting.Policy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesStorageProblems();
        api.MapGet("/files/", ListFilenames)
            .WithName("ListFilenames")
            .WithSummary("Names of all files, oldest upload first");
        api.MapGet("/files/page", ListFilePage)
            .WithName("ListFilePage")
            .WithSummary("Files with metadata, newest first, paged with an opaque cursor")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/files/{s3_key}", GetFileMetadataAsync)
            .WithName("GetFileMetadata")
            .WithSummary("One file's metadata")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesStorageProblems();
        api.MapDelete("/files/{s3_key}", DeleteFileAsync)
            .WithName("DeleteFile")
            .WithSummary("Delete a file")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesStorageProblems();
        // GET and HEAD are separate operations, as an OpenAPI operation has one method and a name of its own.
        api.MapGet("/download/{s3_key}", DownloadFileAsync)
            .WithName("DownloadFile")
            .WithSummary("The file's bytes, as an attachment; supports single byte ranges and conditional requests")
            .ProducesDownload(sendsBody: true);
        api.MapMethods("/download/{s3_key}", [HttpMethods.Head], DownloadFileAsync)
            .WithName("DownloadFileHeaders")
            .WithSummary("The download's headers without its bytes")
            .ProducesDownload(sendsBody: false);

        return app;
    }

    public static async Task<Ok<UploadResponse>> UploadFileAsync(
        HttpContext context, FileUploader uploader, IOptions<UploadOptions> options, CancellationToken cancellationToken)
    {
        // Uploads stream to S3 part by part, so Kestrel's 30 MB default gives way to the file limit plus room for the form around it.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxFileSizeBytes + FormOverheadBytes;
        }

        if (context.Request.ContentLength > options.Value.MaxFileSizeBytes + FormOverheadBytes)
        {
            throw Problems.FileTooLarge(options.Value.MaxFileSizeBytes);
        }

        var file = await uploader.UploadAsync(context.Request, cancellationToken);
        return TypedResults.Ok(UploadResponse.Uploaded(file));
    }

    public static Ok<IReadOnlyList<string>> ListFilenames(FileIndex index) => TypedResults.Ok(index.Filenames());

    public static Ok<FilePage> ListFilePage(
        FileIndex index,
        [Description("Entries per page, 1 to 1000")] int? limit,
        [Description("The next_cursor of the previous page")] string? cursor,
        [Description("Only names containing this text, case-insensitive")] string? name)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            throw Problems.InvalidRequest($"limit must be between 1 and {MaxPageSize}.");
        }

        return TypedResults.Ok(index.Page(string.IsNullOrEmpty(cursor) ? null : cursor, limit ?? 100, name));
    }

    public static async Task<Ok<FileMetadata>> GetFileMetadataAsync(
        [FromRoute(Name = "s3_key")] string key, FileLookup files, CancellationToken cancellationToken) =>
        TypedResults.Ok(FileMetadata.From(await files.FindAsync(key, cancellationToken)));

    public static async Task<NoContent> DeleteFileAsync(
        [FromRoute(Name = "s3_key")] string key, FileLookup files, FileIndex index, S3FileStore store, CancellationToken cancellationToken)
    {
        var file = await files.FindAsync(key, cancellationToken);
        await store.DeleteAsync(file.S3Key, cancellationToken);
        index.Remove(key);
        return TypedResults.NoContent();
    }

    // With Downloads:RedirectToS3 the client is sent to a short-lived presigned GET of the object, so the bytes
    // do not pass through the API; S3 then answers its ranges and conditional requests itself.
    public static async Task<Results<S3FileResult, RedirectHttpResult>> DownloadFileAsync(
        [FromRoute(Name = "s3_key")] string key, FileLookup files, S3FileStore store, FileTransferMetrics metrics,
        IOptions<DownloadOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var file = await files.FindAsync(key, cancellationToken);
        return options.Value.RedirectToS3
            ? TypedResults.Redirect(await store.PresignDownloadAsync(file, options.Value.PresignedUrlLifetime, clock.GetUtcNow()))
            : new S3FileResult(file, store, metrics);
    }
}
