using System.Net;
using System.Net.Http.Json;

namespace CloudPocket.Tests.Support;

public static class ApiClientExtensions
{
    public static async Task<UploadResult> UploadAsync(this HttpClient api, byte[] bytes, string filename,
        string contentType = "application/octet-stream", CancellationToken cancellationToken = default)
    {
        using var response = await api.PostAsync("/upload/", Multipart.File(bytes, filename, contentType), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UploadResult>(cancellationToken))!;
    }
}
