using Microsoft.OpenApi;

namespace CloudPocket.Api.Infrastructure;

public static class FormBodyOpenApi
{
    // Endpoints that read their form themselves (no IFormFile or [FromForm] binding, no content-type matching that
    // would answer 415 without a ProblemDetails) describe its one required field here for the OpenAPI document.
    public static RouteHandlerBuilder WithFormBody(this RouteHandlerBuilder endpoint, string[] mediaTypes, string field, OpenApiSchema fieldSchema) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = mediaTypes.ToDictionary(type => type, _ => new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { field },
                        Properties = new Dictionary<string, IOpenApiSchema> { [field] = fieldSchema },
                    },
                }),
            };
            return Task.CompletedTask;
        });
}
