namespace CloudPocket.Api.Infrastructure;

// Every operation that reaches S3 can answer 503 (S3 unavailable: StorageUnavailableHandler) and 502 (S3 refused the
// service's own request: StorageRejectedHandler); declared together so the OpenAPI document lists both wherever one is.
public static class StorageProblemsOpenApi
{
    public static TBuilder ProducesStorageProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Problem(StatusCodes.Status502BadGateway), Problem(StatusCodes.Status503ServiceUnavailable));

    private static ProducesResponseTypeMetadata Problem(int status) => new(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]);
}
