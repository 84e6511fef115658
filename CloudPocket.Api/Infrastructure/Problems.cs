using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace CloudPocket.Api.Infrastructure;

// Every problem the API answers with, in one place: the same kind of problem has the same title and text
// whichever endpoint, filter or middleware runs into it.
public static class Problems
{
    public const string StorageUnavailableTitle = "Storage unavailable";
    public const string StorageUnavailableDetail = "The file storage (S3) cannot be reached right now. Nothing was stored; try again shortly.";
    public const string StorageRejectedTitle = "Storage rejected the request";
    public const string StorageRejectedDetail =
        "The file storage (S3) refused a request this service made. Nothing was stored; the service's configuration must be fixed, so retrying will not help.";
    private const string InvalidRequestTitle = "Invalid request";
    private const string InvalidUploadTitle = "Invalid upload";
    private const string FileNotFoundTitle = "File not found";

    public static ProblemException InvalidRequest(string detail) => new(StatusCodes.Status400BadRequest, InvalidRequestTitle, detail);

    // A parameter ASP.NET Core could not bind (limit=abc): its message names the parameter and the value.
    public static ProblemException InvalidRequest(BadHttpRequestException rejected) => new(rejected.StatusCode, InvalidRequestTitle, rejected.Message);

    public static ProblemException InvalidCursor() => InvalidRequest("The cursor is not one this service handed out.");

    public static ProblemException InvalidUpload(string detail) => new(StatusCodes.Status400BadRequest, InvalidUploadTitle, detail);

    // Kestrel's own verdict on the body (cut short, too slow), with Kestrel's status.
    public static ProblemException InvalidRequestBody(int statusCode) =>
        new(statusCode, "Invalid request body", "The request body was cut short or is malformed.");

    public static ProblemException UnsupportedMediaType() => new(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
        "Upload the file as multipart/form-data with a field named 'file'.");

    public static ProblemException FileTooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "File too large", $"Files may be at most {maxBytes} bytes.");

    public static ProblemException FileNotFound() => new(StatusCodes.Status404NotFound, FileNotFoundTitle, "No file has that key.");

    public static ProblemException FileBytesMissing() =>
        new(StatusCodes.Status404NotFound, FileNotFoundTitle, "The file's bytes are missing from storage.");

    public static ProblemException RangeNotSatisfiable(long fileSize) => new(StatusCodes.Status416RangeNotSatisfiable, "Range not satisfiable",
        "The requested range is outside the file.", new Dictionary<string, string> { [HeaderNames.ContentRange] = new ContentRangeHeaderValue(fileSize).ToString() });

    public static ProblemException ApiKeyRequired() => new(StatusCodes.Status401Unauthorized, "API key required",
        "Send a valid API key as 'X-Api-Key' or 'Authorization: Bearer'.", new Dictionary<string, string> { [HeaderNames.WWWAuthenticate] = "Bearer" });

    public static ProblemException TooManyUploads(TimeSpan retryAfter) => new(StatusCodes.Status429TooManyRequests, "Too many requests",
        "Too many uploads from this client; try again after the time in Retry-After.",
        new Dictionary<string, string> { [HeaderNames.RetryAfter] = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture) });
}
