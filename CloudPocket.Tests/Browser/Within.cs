namespace CloudPocket.Tests.Browser;

// Every await in the browser tests has an end: a hung AppHost, API or browser fails one test instead of the run.
internal static class Within
{
    /// <summary>Long enough for one step on a 2-core machine that other test runs share.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(60);

    public static Task Bounded(this Task task, TimeSpan? limit = null) => task.WaitAsync(limit ?? Step);

    public static Task<T> Bounded<T>(this Task<T> task, TimeSpan? limit = null) => task.WaitAsync(limit ?? Step);

    /// <summary>Asks <paramref name="condition"/> every quarter second until it holds; a timeout names <paramref name="what"/>.</summary>
    public static async Task UntilAsync(string what, TimeSpan limit, Func<CancellationToken, Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            while (!await ConditionHoldsAsync(condition, timeout.Token))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"Not within {limit.TotalSeconds:0} s: {what}.");
        }
    }

    // A refused connection or a slow answer is "not yet" (the API may be restarting), not a failure.
    private static async Task<bool> ConditionHoldsAsync(Func<CancellationToken, Task<bool>> condition, CancellationToken cancellationToken)
    {
        try
        {
            return await condition(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
