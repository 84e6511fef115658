using System.Net;
using System.Net.Sockets;
using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Orchestration;

/// <summary>Assigns every endpoint a loopback port once, at build time, so dependents can be wired before anything starts.</summary>
public static class PortAllocator
{
    /// <param name="randomizeFixedPorts">Under testing every port is free-picked so parallel test hosts never collide.</param>
    public static void Assign(IEnumerable<AppResource> resources, bool randomizeFixedPorts)
    {
        var ports = resources.SelectMany(r => r.GetAnnotations<PortAnnotation>()).ToList();
        var taken = new HashSet<int>();
        foreach (var port in ports.Where(p => p.FixedPort is not null && !randomizeFixedPorts))
        {
            port.Port = port.FixedPort;
            taken.Add(port.FixedPort!.Value);
        }

        foreach (var port in ports.Where(p => p.Port is null))
        {
            // The OS may hand the same ephemeral port out twice once the probe socket is closed: skip ours.
            int candidate;
            do
            {
                candidate = GetFreePort();
            }
            while (!taken.Add(candidate));
            port.Port = candidate;
        }
    }

    /// <summary>One clear line per fixed port something else already listens on.</summary>
    public static IReadOnlyList<string> FindTakenFixedPorts(IEnumerable<AppResource> resources) =>
        [.. from resource in resources
            from port in resource.GetAnnotations<PortAnnotation>()
            where port.FixedPort is not null && port.Port == port.FixedPort && !IsFree(port.FixedPort.Value)
            select $"Port {port.FixedPort} for resource '{resource.Name}' is already in use on 127.0.0.1: stop what listens there or pick another port in the AppHost's Program.cs."];

    public static int GetFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
