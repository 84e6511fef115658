using System.Security.Cryptography;
using System.Text;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>
/// The login token printed at start, the key the resources send their telemetry with, and the session value the login cookie carries instead of it, so the token never
/// sits in the browser's cookie jar. Both are random per AppHost run and die with it.
/// </summary>
public sealed class DashboardToken
{
    private readonly byte[] _token;
    private readonly byte[] _session;
    private readonly byte[] _otlpKey;

    public DashboardToken()
    {
        Value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Session = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _token = Encoding.ASCII.GetBytes(Value);
        OtlpKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _session = Encoding.ASCII.GetBytes(Session);
        _otlpKey = Encoding.ASCII.GetBytes(OtlpKey);
    }

    public string Value { get; }

    public string Session { get; }

    /// <summary>What the resources send with their telemetry; they get it in their environment, never a browser.</summary>
    public string OtlpKey { get; }

    public bool IsToken(string? candidate) => Matches(_token, candidate);

    public bool IsSession(string? candidate) => Matches(_session, candidate);

    public bool IsOtlpKey(string? candidate) => Matches(_otlpKey, candidate);

    // Constant time, so response timing tells nothing about how much of a guess was right.
    private static bool Matches(byte[] expected, string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate));
}
