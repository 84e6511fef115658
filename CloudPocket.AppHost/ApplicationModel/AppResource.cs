namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>Something the AppHost runs, identified by a unique name. Behaviour lives in annotations and extensions.</summary>
public abstract class AppResource
{
    protected AppResource(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    public IList<IAppAnnotation> Annotations { get; } = [];

    public override string ToString() => Name;
}
