using System.Net;

namespace CloudPocket.Api.Security;

// Reads where Kestrel will listen from the same settings it uses, before it binds.
public static class ListenAddresses
{
    public static bool AreAllLoopback(IConfiguration configuration)
    {
        // HTTP_PORTS and HTTPS_PORTS bind every interface.
        if (!string.IsNullOrEmpty(configuration["HTTP_PORTS"]) || !string.IsNullOrEmpty(configuration["HTTPS_PORTS"]))
        {
            return false;
        }

        var urls = (configuration["urls"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"] ?? ""));
        return urls.All(IsLoopback);
    }

    public static bool IsLoopback(string url)
    {
        var host = url.Split("://", 2) is [_, var rest] ? rest : url;
        host = host.Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
