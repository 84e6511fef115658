using System.Net.Sockets;
using System.Text;

namespace CloudPocket.Tests.Support;

// A client that misbehaves on purpose: it writes HTTP by hand on a plain socket.
public sealed class RawHttp : IAsyncDisposable
{
    private readonly TcpClient _tcp = new() { NoDelay = true };

    public NetworkStream Stream => _tcp.GetStream();

    public static async Task<RawHttp> ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var client = new RawHttp();
        await client._tcp.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
        return client;
    }

    public static string UploadHead(long contentLength, string filename, string? apiKey) =>
        $"POST /upload/ HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {apiKey}\r\n" +
        $"Content-Type: multipart/form-data; boundary={RawMultipart.Boundary}\r\nContent-Length: {contentLength}\r\n\r\n" +
        $"--{RawMultipart.Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n\r\n";

    public Task WriteAsync(string text, CancellationToken cancellationToken) =>
        Stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken).AsTask();

    // What the server sent before it closed the connection (empty if it closed without a word).
    public async Task<string> ReadUntilClosedAsync(CancellationToken cancellationToken)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (await Stream.ReadAsync(buffer, cancellationToken) is > 0 and var read)
            {
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
        }

        return received.ToString();
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
