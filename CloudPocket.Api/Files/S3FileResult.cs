using System.Diagnostics;
using System.Globalization;
using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Storage;
using CloudPocket.Api.Telemetry;
using Microsoft.Net.Http.Headers;

namespace CloudPocket.Api.Files;

// Answers GET and HEAD of a stored file: conditional requests and single byte ranges are decided from the index,
// and only the bytes asked for are fetched from S3 and copied straight to the client, without buffering.
// The file's own headers are set only on the answers that describe it (200, 206, 304), never on a problem.
public sealed class S3FileResult(FileRecord file, S3FileStore store, FileTransferMetrics metrics) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        var eTag = EntityTagHeaderValue.Parse(file.ETag ?? $"\"{file.Sha256}\"");
        var lastModified = TruncateToSeconds(file.UploadedAt);
        var requestHeaders = request.GetTypedHeaders();

        if (IsNotModified(requestHeaders, eTag, lastModified))
        {
            SetRepresentationHeaders(response, eTag, lastModified);
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var range = ByteRange.Select(requestHeaders, eTag, lastModified, file.Size, out var unsatisfiable);
        if (unsatisfiable)
        {
            throw Problems.RangeNotSatisfiable(file.Size);
        }

        var length = range?.Length ?? file.Size;
        var sendsBody = !HttpMethods.IsHead(request.Method) && length > 0;
        using var s3Object = sendsBody ? await store.OpenReadAsync(file.S3Key, range is { } wanted ? (wanted.From, wanted.To) : null, httpContext.RequestAborted) : null;
        if (sendsBody && s3Object is null)
        {
            // The index still lists it but the bucket lost it (deleted behind the service's back).
            throw Problems.FileBytesMissing();
        }

        SetRepresentationHeaders(response, eTag, lastModified);
        response.StatusCode = range is null ? StatusCodes.Status200OK : StatusCodes.Status206PartialContent;
        response.ContentLength = length;
        if (range is { } r)
        {
            response.Headers.ContentRange = new ContentRangeHeaderValue(r.From, r.To, file.Size).ToString();
        }

        if (s3Object is not null)
        {
            var started = FileTransferMetrics.Now();
            await s3Object.ResponseStream.CopyToAsync(response.Body, httpContext.RequestAborted);
            metrics.Downloaded(length, Stopwatch.GetElapsedTime(started));
        }
    }

    private void SetRepresentationHeaders(HttpResponse response, EntityTagHeaderValue eTag, DateTimeOffset lastModified)
    {
        var headers = response.Headers;
        response.ContentType = file.ContentType;
        headers.ContentDisposition = ContentDisposition.Attachment(file.Filename);
        headers.AcceptRanges = "bytes";
        headers.ETag = eTag.ToString();
        headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
        headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
        // Stored content is never rendered inline: no sniffing, and a sandbox should a browser open it anyway.
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox";
    }

    private static bool IsNotModified(Microsoft.AspNetCore.Http.Headers.RequestHeaders headers, EntityTagHeaderValue eTag, DateTimeOffset lastModified) =>
        headers.IfNoneMatch is { Count: > 0 } ifNoneMatch
            ? ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(eTag, useStrongComparison: false))
            : headers.IfModifiedSince is { } since && lastModified <= since;

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);
}
