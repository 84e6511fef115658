using System.Globalization;
using System.Text.Json;

namespace CloudPocket.Tests.Api;

// The OpenAPI document is how a client learns what each operation can answer, its errors included.
public class OpenApiTests(FilesApiFixture fixture) : IClassFixture<FilesApiFixture>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static TheoryData<string, string, string, int[]> Operations => new()
    {
        { "post", "/upload", "UploadFile", [200, 400, 401, 413, 415, 429, 502, 503] },
        { "get", "/files", "ListFilenames", [200, 401] },
        { "get", "/files/page", "ListFilePage", [200, 400, 401] },
        { "get", "/files/{s3_key}", "GetFileMetadata", [200, 401, 404, 502, 503] },
        { "delete", "/files/{s3_key}", "DeleteFile", [204, 401, 404, 502, 503] },
        { "get", "/download/{s3_key}", "DownloadFile", [200, 206, 302, 304, 401, 404, 416, 502, 503] },
        { "head", "/download/{s3_key}", "DownloadFileHeaders", [200, 206, 302, 304, 401, 404, 416, 502, 503] },
        { "options", "/tus", "TusOptions", [204, 401] },
        { "post", "/tus", "TusCreateUpload", [201, 400, 401, 412, 413, 415, 429, 502, 503] },
        { "head", "/tus/{id}", "TusGetUploadOffset", [200, 401, 404, 410, 412, 502, 503] },
        { "patch", "/tus/{id}", "TusAppendToUpload", [204, 400, 401, 404, 409, 410, 412, 413, 415, 423, 429, 460, 502, 503] },
        { "delete", "/tus/{id}", "TusTerminateUpload", [204, 401, 404, 410, 412, 423, 502, 503] },
        { "post", "/files/{s3_key}/links", "CreateShareLink", [201, 400, 401, 404, 502, 503] },
        { "get", "/files/{s3_key}/links", "ListShareLinks", [200, 401, 404, 502, 503] },
        { "delete", "/links/{id}", "RevokeShareLink", [204, 401, 404, 502, 503] },
        { "get", "/s/{token}", "SharePage", [200] },
        { "get", "/s/{token}/info", "GetSharedFile", [200, 404, 410, 429, 502, 503] },
        { "get", "/s/{token}/download", "DownloadSharedFile", [200, 206, 304, 401, 404, 410, 416, 429, 502, 503] },
        { "post", "/s/{token}/download", "DownloadSharedFileWithPassword", [200, 206, 304, 400, 403, 404, 410, 415, 416, 429, 502, 503] },
        { "get", "/page/settings", "PageSettings", [200] },
    };

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = fixture.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        return document.RootElement.Clone();
    }

    private async Task<JsonElement> PathsAsync() => (await DocumentAsync()).GetProperty("paths");

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> AllOperations(JsonElement paths) =>
        from path in paths.EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select (method.Name, path.Name, method.Value);

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task EachOperationIsNamedAndDeclaresEveryStatusItCanAnswer(string method, string path, string name, int[] statuses)
    {
        var operation = (await PathsAsync()).GetProperty(path).GetProperty(method);

        Assert.Equal(name, operation.GetProperty("operationId").GetString());
        Assert.Equal(
            statuses.Select(status => status.ToString(CultureInfo.InvariantCulture)),
            operation.GetProperty("responses").EnumerateObject().Select(response => response.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheDocumentHasNoOperationBeyondThoseListedHere()
    {
        var listed = Operations.Select(row => $"{row[0]} {row[1]}");

        var documented = AllOperations(await PathsAsync()).Select(o => $"{o.Method} {o.Path}");

        Assert.Equal(listed.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheTusPatchDeclaresItsOffsetOctetStreamBodyAndItsHeaders()
    {
        var patch = (await PathsAsync()).GetProperty("/tus/{id}").GetProperty("patch");

        Assert.True(patch.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/offset+octet-stream", out _));
        Assert.Equal(
            ["Tus-Resumable", "Upload-Checksum", "Upload-Offset"],
            patch.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header")
                .Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryErrorIsDeclaredAsAProblemDetails()
    {
        var errors =
            from operation in AllOperations(await PathsAsync())
            from response in operation.Operation.GetProperty("responses").EnumerateObject()
            where int.Parse(response.Name, CultureInfo.InvariantCulture) >= 400
            select (Name: $"{operation.Method} {operation.Path} {response.Name}", Response: response.Value);

        Assert.NotEmpty(errors);

        Assert.All(errors, error => Assert.True(
            error.Response.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _),
            $"{error.Name} declares no application/problem+json body"));
    }

    [Theory]
    [InlineData("/upload", "file", "multipart/form-data")]
    [InlineData("/s/{token}/download", "password", "application/x-www-form-urlencoded,multipart/form-data")]
    public async Task AFormThatAnEndpointReadsItselfIsDeclaredWithItsRequiredField(string path, string field, string mediaTypes)
    {
        var body = (await PathsAsync()).GetProperty(path).GetProperty("post").GetProperty("requestBody");

        Assert.True(body.GetProperty("required").GetBoolean());
        Assert.Equal(mediaTypes.Split(','), body.GetProperty("content").EnumerateObject().Select(c => c.Name));
        Assert.All(body.GetProperty("content").EnumerateObject(), c =>
            Assert.Equal([field], c.Value.GetProperty("schema").GetProperty("required").EnumerateArray().Select(r => r.GetString())));
    }

    [Fact]
    public async Task TheDownloadDeclaresItsBytesAndItsHeadDeclaresNoBody()
    {
        var document = await DocumentAsync();
        var download = document.GetProperty("paths").GetProperty("/download/{s3_key}");

        foreach (var status in new[] { "200", "206" })
        {
            var schema = download.GetProperty("get").GetProperty("responses").GetProperty(status)
                .GetProperty("content").GetProperty("application/octet-stream").GetProperty("schema");
            var named = schema.GetProperty("$ref").GetString()!["#/components/schemas/".Length..];
            Assert.Equal("binary", document.GetProperty("components").GetProperty("schemas").GetProperty(named).GetProperty("format").GetString());
            Assert.False(download.GetProperty("head").GetProperty("responses").GetProperty(status).TryGetProperty("content", out _));
        }
    }
}
