namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>Command-line arguments, evaluated at each launch (they may contain the assigned port).</summary>
public sealed class ArgumentsAnnotation(Func<IEnumerable<string>> arguments) : IAppAnnotation
{
    public Func<IEnumerable<string>> Arguments { get; } = arguments;
}
