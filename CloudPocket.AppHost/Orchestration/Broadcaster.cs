using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>
/// Fans notifications out to any number of watchers, each with its own bounded channel: a slow watcher (a browser
/// tab) loses its oldest items instead of slowing down the processes' output.
/// </summary>
public sealed class Broadcaster<T>(int capacityPerWatcher = 1000)
{
    private readonly Lock _gate = new();
    private readonly List<Channel<T>> _watchers = [];

    public void Publish(T item)
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(item);
            }
        }
    }

    /// <summary>Yields <paramref name="initial"/> (read after subscribing, so nothing falls in between), then every published item.</summary>
    public async IAsyncEnumerable<T> WatchAsync(Func<IEnumerable<T>> initial, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initial);
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacityPerWatcher)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _watchers.Add(channel);
        }

        try
        {
            foreach (var item in initial())
            {
                yield return item;
            }

            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }
}
