namespace CloudPocket.Tests.Support;

/// <summary>An S3 server a test fixture started (fauxqs, Ceph RGW); disposing it stops it.</summary>
public interface IS3Server : IAsyncDisposable
{
    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    Uri Endpoint { get; }
}
