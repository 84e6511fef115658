using CloudPocket.Api.Infrastructure;
using Microsoft.OpenApi;

namespace CloudPocket.Api.Files;

public static class UploadOpenApi
{
    // The upload reads the raw multipart body itself: its one part, 'file', is described for the OpenAPI document.
    public static RouteHandlerBuilder WithMultipartFileBody(this RouteHandlerBuilder endpoint) =>
        endpoint.WithFormBody(["multipart/form-data"], "file", new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" });
}
