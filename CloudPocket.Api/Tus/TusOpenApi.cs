using Microsoft.OpenApi;

namespace CloudPocket.Api.Tus;

// tus lives in headers and a raw body, which the endpoints read themselves: described here for the OpenAPI document.
public static class TusOpenApi
{
    // Tus-Resumable and the given headers; Upload-Offset and Upload-Length are required where they are named.
    public static RouteHandlerBuilder WithTusHeaders(this RouteHandlerBuilder endpoint, params string[] headers) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var header in headers.Prepend(TusHeaders.TusResumable))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = header,
                    In = ParameterLocation.Header,
                    Required = header is TusHeaders.TusResumable or TusHeaders.UploadOffset or TusHeaders.UploadLength,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            return Task.CompletedTask;
        });

    // The headers, and a body of application/offset+octet-stream bytes.
    public static RouteHandlerBuilder WithTusBody(this RouteHandlerBuilder endpoint, bool required, params string[] headers) =>
        endpoint.WithTusHeaders(headers).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = required,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [TusHeaders.OffsetContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            };
            return Task.CompletedTask;
        });
}
