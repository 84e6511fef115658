namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>
/// A check run before anything starts (missing Node.js, unbuilt project...). It returns one clear line describing
/// the problem, or null when all is well, so the AppHost can refuse to start instead of failing halfway.
/// </summary>
public sealed class PreflightAnnotation(Func<string?> check) : IAppAnnotation
{
    public Func<string?> Check { get; } = check;
}
