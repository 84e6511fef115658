using System.Net;
using System.Net.Sockets;

namespace CloudPocket.Benchmarks;

internal static class Loopback
{
    // A port the OS just handed out and nobody holds; the child process binds it a moment later.
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
