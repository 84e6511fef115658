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
        var api = app.MapGroup("").WithTags("Files").AddEndpointFilter<ApiKeyFilter>();

        api.MapPost("/upload/", UploadAsync)
            .WithSummary("Upload one file as multipart/form-data field 'file'")
            .WithMultipartFileBody()
            .RequireRateLimiting(UploadRateLimiting.Policy);
        api.MapGet("/files/", ListFilenames).WithSummary("Names of all files, oldest upload first");
        api.MapGet("/files/page", ListPage).WithSummary("Files with metadata, newest first, paged with an opaque cursor");
        api.MapGet("/files/{s3_key}", GetMetadata).WithSummary("One file's metadata");
        api.MapDelete("/files/{s3_key}", DeleteAsync).WithSummary("Delete a file");
        api.MapMethods("/download/{s3_key}", [HttpMethods.Get, HttpMethods.Head], Download)
            .WithSummary("The file's bytes, as an attachment; supports single byte ranges and conditional requests");

        return app;
    }

    public static async Task<Ok<UploadResponse>> UploadAsync(
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

    public static Ok<FilePage> ListPage(
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

    public static Ok<FileMetadata> GetMetadata([FromRoute(Name = "s3_key")] string key, FileIndex index) =>
        TypedResults.Ok(FileMetadata.From(Find(index, key)));

    public static async Task<NoContent> DeleteAsync(
        [FromRoute(Name = "s3_key")] string key, FileIndex index, S3FileStore store, CancellationToken cancellationToken)
    {
        var file = Find(index, key);
        await store.DeleteAsync(file.S3Key, cancellationToken);
        index.Remove(key);
        return TypedResults.NoContent();
    }

    public static S3FileResult Download(
        [FromRoute(Name = "s3_key")] string key, FileIndex index, S3FileStore store, FileTransferMetrics metrics) =>
        new(Find(index, key), store, metrics);

    // Only what this service wrote and still lists can be read or deleted, whatever else the bucket holds.
    private static FileRecord Find(FileIndex index, string key) =>
        StorageKey.IsValid(key) && index.TryGet(key, out var file) ? file : throw Problems.FileNotFound();
}
