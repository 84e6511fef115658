namespace CloudPocket.AppHost.Orchestration;

/// <summary>fauxqs needs <c>node:sqlite</c>, which Node.js has from 22.5 on.</summary>
public static class NodeVersion
{
    public static readonly Version Minimum = new(22, 5);

    /// <summary>True for what <c>node --version</c> prints when it is new enough (<c>v22.5.0</c>, <c>v24.21.0</c>).</summary>
    public static bool IsSupported(string? versionText) =>
        Version.TryParse(versionText?.Trim().TrimStart('v'), out var version) && version >= Minimum;
}
