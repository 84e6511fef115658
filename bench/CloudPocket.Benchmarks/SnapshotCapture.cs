using System.Reflection;
using Amazon.S3;
using Amazon.S3.Model;

namespace CloudPocket.Benchmarks;

// An IAmazonS3 that keeps the one PutObject it is given instead of sending it: IndexSnapshot.WriteAsync then
// serialises a snapshot with the API's own code (format, compression, key), and the benchmark decides how to store it.
// Every other call is refused, so a change in what WriteAsync does shows up here instead of being silently faked.
#pragma warning disable CA1852 // DispatchProxy.Create derives a class from it at run time.
internal class SnapshotCapture : DispatchProxy
#pragma warning restore CA1852
{
    public string? Key { get; private set; }

    public byte[]? Body { get; private set; }

    public string? ContentType { get; private set; }

    public static (IAmazonS3 Client, SnapshotCapture Capture) Create()
    {
        var client = Create<IAmazonS3, SnapshotCapture>();
        return (client, (SnapshotCapture)(object)client);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod?.Name == nameof(IAmazonS3.PutObjectAsync) && args?[0] is PutObjectRequest put && Body is null)
        {
            using var body = new MemoryStream();
            put.InputStream.CopyTo(body);
            (Key, Body, ContentType) = (put.Key, body.ToArray(), put.ContentType);
            return Task.FromResult(new PutObjectResponse());
        }

        return targetMethod?.Name == nameof(IDisposable.Dispose)
            ? null
            : throw new NotSupportedException($"IndexSnapshot.WriteAsync called {targetMethod?.Name}; the benchmark only expects one PutObjectAsync.");
    }
}
