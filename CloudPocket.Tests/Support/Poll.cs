using System.Net;

namespace CloudPocket.Tests.Support;

// Waiting for something a test cannot be told about (a replica catching up, a rebuild finishing): ask again
// until it holds, bounded by the caller's token.
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Returns once the API's <c>/health</c> answers 200 (its index is rebuilt and S3 answers).</summary>
    public static Task UntilHealthyAsync(HttpClient api, CancellationToken cancellationToken) =>
        UntilAsync(async () =>
        {
            using var health = await api.GetAsync("/health", cancellationToken);
            return health.StatusCode == HttpStatusCode.OK;
        }, cancellationToken);
}
