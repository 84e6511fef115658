using CloudPocket.Api.Infrastructure;

namespace CloudPocket.Api.Files;

public static class DownloadOpenApi
{
    private const string Bytes = "application/octet-stream";

    // What S3FileResult answers: the whole file or one range of it, 304 when the client's copy is current, 416 for
    // a range outside the file, 404 for a key that is not a file of ours or whose bytes are gone; 302 to S3 itself
    // with Downloads:RedirectToS3 (only where mayRedirect). A key this replica does not know yet is looked up in S3,
    // so either can be a 503.
    public static RouteHandlerBuilder ProducesDownload(this RouteHandlerBuilder endpoint, bool sendsBody, bool mayRedirect = true)
    {
        if (sendsBody)
        {
            endpoint.Produces<Stream>(StatusCodes.Status200OK, Bytes).Produces<Stream>(StatusCodes.Status206PartialContent, Bytes);
        }
        else
        {
            endpoint.Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status206PartialContent);
        }

        if (mayRedirect)
        {
            endpoint.Produces(StatusCodes.Status302Found);
        }

        return endpoint
            .ProducesStorageProblems()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable);
    }
}
