using Amazon.S3.Model;
using Microsoft.Net.Http.Headers;

namespace CloudPocket.Api.Files;

// Streams an S3 object to the client as an attachment, copying straight from the S3 response without buffering.
public sealed class S3FileResult(FileRecord file, GetObjectResponse s3Object) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var _ = s3Object;
        var response = httpContext.Response;
        response.ContentType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType;
        response.ContentLength = s3Object.ContentLength;
        response.Headers[HeaderNames.ContentDisposition] = ContentDisposition.Attachment(file.Filename);
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";

        await s3Object.ResponseStream.CopyToAsync(response.Body, httpContext.RequestAborted);
    }
}
