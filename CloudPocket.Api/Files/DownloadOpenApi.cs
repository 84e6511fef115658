namespace CloudPocket.Api.Files;

public static class DownloadOpenApi
{
    private const string Bytes = "application/octet-stream";

    // What S3FileResult answers: the whole file or one range of it, 304 when the client's copy is current, 416 for
    // a range outside the file, 404 for a key the index does not list or whose bytes are gone. Only a body is
    // fetched from S3, so HEAD, which has none, cannot be a 503.
    public static RouteHandlerBuilder ProducesDownload(this RouteHandlerBuilder endpoint, bool sendsBody)
    {
        if (sendsBody)
        {
            endpoint.Produces<Stream>(StatusCodes.Status200OK, Bytes)
                .Produces<Stream>(StatusCodes.Status206PartialContent, Bytes)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        }
        else
        {
            endpoint.Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status206PartialContent);
        }

        return endpoint.Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable);
    }
}
