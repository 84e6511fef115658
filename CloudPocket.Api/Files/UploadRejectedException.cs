namespace CloudPocket.Api.Files;

// A request the client must fix; FilesApi answers it with a ProblemDetails of this status.
public sealed class UploadRejectedException(int statusCode, string title, string detail) : Exception(detail)
{
    public int StatusCode => statusCode;

    public string Title => title;

    public static UploadRejectedException BadRequest(string detail) =>
        new(StatusCodes.Status400BadRequest, "Invalid upload", detail);
}
