using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>Holds a resource's current snapshot; publishes each change and lets callers wait for a state.</summary>
internal sealed class StatusCell(ResourceSnapshot initial, Action<ResourceSnapshot> changed)
{
    private readonly Lock _gate = new();
    private ResourceSnapshot _current = initial;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ResourceSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Applies <paramref name="change"/> atomically, so concurrent probe and exit updates cannot interleave.</summary>
    public ResourceSnapshot Update(Func<ResourceSnapshot, ResourceSnapshot> change)
    {
        lock (_gate)
        {
            var updated = change(_current);
            if (updated == _current)
            {
                return updated;
            }

            _current = updated;
            // Published under the lock so watchers see changes in the order they happened.
            changed(updated);
            _next.SetResult();
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return updated;
        }
    }

    public async Task<ResourceSnapshot> WaitAsync(Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken)
    {
        while (true)
        {
            ResourceSnapshot current;
            Task next;
            lock (_gate)
            {
                current = _current;
                next = _next.Task;
            }

            if (predicate(current))
            {
                return current;
            }

            await next.WaitAsync(cancellationToken);
        }
    }
}
