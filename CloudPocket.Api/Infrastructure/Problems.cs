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
    private const string LinkGoneTitle = "Link no longer valid";

    public static ProblemException InvalidRequest(string detail) => new(StatusCodes.Status400BadRequest, InvalidRequestTitle, detail);

    // A parameter ASP.NET Core could not bind (limit=abc): its message names the parameter and the value.
    public static ProblemException InvalidRequest(BadHttpRequestException rejected) => new(rejected.StatusCode, InvalidRequestTitle, rejected.Message);

    public static ProblemException InvalidCursor() => InvalidRequest("The cursor is not one this service handed out.");

    public static ProblemException InvalidUpload(string detail) => new(StatusCodes.Status400BadRequest, InvalidUploadTitle, detail);

    // Kestrel's own verdict on the body (cut short, too slow), with Kestrel's status.
    public static ProblemException InvalidRequestBody(int statusCode) =>
        new(statusCode, "Invalid request body", "The request body was cut short or is malformed.");

    public static ProblemException UnsupportedMediaType() => UnsupportedMediaType("Upload the file as multipart/form-data with a field named 'file'.");

    public static ProblemException UnsupportedMediaType(string detail) => new(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail);

    public static ProblemException FileTooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "File too large", $"Files may be at most {maxBytes} bytes.");

    // Resumable uploads (tus 1.0.0): the statuses the protocol defines for each case.
    public static ProblemException TusVersionUnsupported(string version) => new(StatusCodes.Status412PreconditionFailed, "Unsupported tus version",
        $"Send 'Tus-Resumable: {version}' with every request but OPTIONS.", new Dictionary<string, string> { ["Tus-Version"] = version });

    public static ProblemException UploadNotFound() => new(StatusCodes.Status404NotFound, "Upload not found", "No resumable upload has that id.");

    public static ProblemException UploadExpired() => new(StatusCodes.Status410Gone, "Upload expired",
        "The upload expired (see Upload-Expires) and its bytes are discarded; start a new one.");

    public static ProblemException UploadOffsetMismatch(long offset) => new(StatusCodes.Status409Conflict, "Upload offset mismatch",
        $"Upload-Offset must be the upload's current offset, {offset}; HEAD the upload to learn it.");

    public static ProblemException UploadLocked() => new(StatusCodes.Status423Locked, "Upload busy",
        "Another request is writing to this upload; HEAD it for the offset and try again when it is done.");

    public static ProblemException UploadBeyondLength(long length) => new(StatusCodes.Status413PayloadTooLarge, "Beyond the upload's length",
        $"The upload is {length} bytes long (Upload-Length); this request would write past its end.");

    public static ProblemException ChecksumMismatch() => new(460, "Checksum mismatch",
        "The body does not match Upload-Checksum; nothing of it was kept and the offset is unchanged.");

    public static ProblemException FileNotFound() => new(StatusCodes.Status404NotFound, FileNotFoundTitle, "No file has that key.");

    public static ProblemException FileBytesMissing() =>
        new(StatusCodes.Status404NotFound, FileNotFoundTitle, "The file's bytes are missing from storage.");

    public static ProblemException RangeNotSatisfiable(long fileSize) => new(StatusCodes.Status416RangeNotSatisfiable, "Range not satisfiable",
        "The requested range is outside the file.", new Dictionary<string, string> { [HeaderNames.ContentRange] = new ContentRangeHeaderValue(fileSize).ToString() });

    public static ProblemException ApiKeyRequired() => new(StatusCodes.Status401Unauthorized, "API key required",
        "Send a valid API key as 'X-Api-Key' or 'Authorization: Bearer'.", new Dictionary<string, string> { [HeaderNames.WWWAuthenticate] = "Bearer" });

    public static ProblemException TooManyUploads(TimeSpan retryAfter) => new(StatusCodes.Status429TooManyRequests, "Too many requests",
        "Too many uploads from this client; try again after the time in Retry-After.", RetryAfter(retryAfter));

    public static ProblemException LinkNotFound() => new(StatusCodes.Status404NotFound, "Link not found", "No share link has that id or token.");

    public static ProblemException LinkRevoked() => new(StatusCodes.Status410Gone, LinkGoneTitle, "This share link was revoked by its owner.");

    public static ProblemException LinkExpired(DateTimeOffset expiredAt) => new(StatusCodes.Status410Gone, LinkGoneTitle,
        $"This share link expired at {expiredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.");

    public static ProblemException LinkUsedUp() => new(StatusCodes.Status410Gone, LinkGoneTitle,
        "This share link has reached its download limit.");

    public static ProblemException SharedFileDeleted() => new(StatusCodes.Status410Gone, LinkGoneTitle,
        "The file behind this share link was deleted.");

    public static ProblemException LinkPasswordRequired() => new(StatusCodes.Status401Unauthorized, "Password required",
        "This share link is protected by a password: send it as the form field 'password' in a POST to the same address.");

    public static ProblemException WrongLinkPassword() => new(StatusCodes.Status403Forbidden, "Wrong password", "The password is wrong.");

    public static ProblemException TooManyLinkAttempts(TimeSpan retryAfter) => new(StatusCodes.Status429TooManyRequests, "Too many requests",
        "Too many attempts on this share link from this client; try again after the time in Retry-After.", RetryAfter(retryAfter));

    private static Dictionary<string, string> RetryAfter(TimeSpan wait) =>
        new() { [HeaderNames.RetryAfter] = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) };
}
