using Microsoft.OpenApi;

namespace CloudPocket.Api.Files;

public static class UploadOpenApi
{
    // The upload reads the raw body itself (no IFormFile binding, no content-type matching that would answer 415
    // without a ProblemDetails), so its request body is described here for the OpenAPI document.
    public static RouteHandlerBuilder WithMultipartFileBody(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "file" },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                            },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });
}
