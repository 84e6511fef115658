using CloudPocket.Api.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudPocket.Api.Files;

public static class FilesApi
{
    public static IEndpointRouteBuilder MapFilesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").WithTags("Files");

        api.MapPost("/upload/", UploadAsync);
        api.MapGet("/files/", ListFilenames);
        api.MapGet("/download/{s3_key}", DownloadAsync);

        return app;
    }

    public static async Task<Results<Ok<UploadResponse>, ProblemHttpResult>> UploadAsync(
        HttpContext context, FileUploader uploader, CancellationToken cancellationToken)
    {
        // Uploads stream to S3 part by part, so Kestrel's 30 MB default body limit does not apply here.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        try
        {
            var file = await uploader.UploadAsync(context.Request, cancellationToken);
            return TypedResults.Ok(UploadResponse.Uploaded(file));
        }
        catch (UploadRejectedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: e.StatusCode, title: e.Title);
        }
    }

    public static Ok<IReadOnlyList<string>> ListFilenames(FileIndex index) => TypedResults.Ok(index.Filenames());

    public static async Task<Results<S3FileResult, ProblemHttpResult>> DownloadAsync(
        [Microsoft.AspNetCore.Mvc.FromRoute(Name = "s3_key")] string key,
        FileIndex index, S3FileStore store, CancellationToken cancellationToken)
    {
        // Only what this service wrote and still lists can be read, whatever else the bucket holds.
        if (!StorageKey.IsValid(key) || !index.TryGet(key, out var file)
            || await store.OpenReadAsync(key, cancellationToken) is not { } s3Object)
        {
            return TypedResults.Problem("No file has that key.", statusCode: StatusCodes.Status404NotFound, title: "File not found");
        }

        return new S3FileResult(file, s3Object);
    }
}
