namespace CloudPocket.Api.Infrastructure;

// A client error (4xx), thrown wherever the request is found wanting: ProblemExceptionHandler answers it as an
// RFC 9457 ProblemDetails with this status, title and detail, and the headers that belong to it (WWW-Authenticate,
// Retry-After, Content-Range). Only Problems makes them, so one kind of problem reads the same everywhere.
public sealed class ProblemException : Exception
{
    internal ProblemException(int statusCode, string title, string detail, IReadOnlyDictionary<string, string>? headers = null)
        : base(detail)
    {
        StatusCode = statusCode;
        Title = title;
        Headers = headers ?? new Dictionary<string, string>();
    }

    public int StatusCode { get; }

    public string Title { get; }

    public string Detail => Message;

    public IReadOnlyDictionary<string, string> Headers { get; }
}
