using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>Orders resources so every WaitFor dependency comes before its dependents; stopping uses the reverse.</summary>
public static class StartupOrder
{
    /// <summary>A stable topological sort: declaration order is kept wherever dependencies allow.</summary>
    /// <exception cref="InvalidOperationException">A dependency cycle, or a dependency that is not part of the model.</exception>
    public static IReadOnlyList<AppResource> Sort(IReadOnlyList<AppResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var known = resources.ToHashSet();
        var done = new HashSet<AppResource>();
        var path = new List<AppResource>();
        var order = new List<AppResource>(resources.Count);
        foreach (var resource in resources)
        {
            Visit(resource, known, done, path, order);
        }

        return order;
    }

    private static void Visit(AppResource resource, HashSet<AppResource> known, HashSet<AppResource> done, List<AppResource> path, List<AppResource> order)
    {
        if (done.Contains(resource))
        {
            return;
        }

        if (path.Contains(resource))
        {
            var cycle = path.SkipWhile(r => r != resource).Append(resource).Select(r => r.Name);
            throw new InvalidOperationException($"WaitFor cycle: {string.Join(" -> ", cycle)}.");
        }

        path.Add(resource);
        foreach (var dependency in resource.GetAnnotations<WaitForAnnotation>().Select(w => w.Dependency))
        {
            if (!known.Contains(dependency))
            {
                throw new InvalidOperationException($"'{resource.Name}' waits for '{dependency.Name}', which is not part of this app model.");
            }

            Visit(dependency, known, done, path, order);
        }

        path.RemoveAt(path.Count - 1);
        done.Add(resource);
        order.Add(resource);
    }
}
