using System.Security.Cryptography;
using System.Text;
using CloudPocket.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace CloudPocket.Api.Security;

// With keys configured, every files endpoint wants one, as `X-Api-Key: …` or `Authorization: Bearer …`.
public sealed class ApiKeyFilter(IOptions<AccessOptions> options) : IEndpointFilter
{
    private readonly byte[][] _keys = [.. options.Value.ApiKeys.Where(k => k.Length > 0).Select(Encoding.UTF8.GetBytes)];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_keys.Length == 0 || IsKnown(PresentedKey(context.HttpContext.Request)))
        {
            return await next(context);
        }

        throw Problems.ApiKeyRequired();
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers["X-Api-Key"] is [{ Length: > 0 } apiKey])
        {
            return apiKey;
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    // Every configured key is compared, each in constant time, so timing tells neither which key nor how much matched.
    private bool IsKnown(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(presented);
        var known = false;
        foreach (var key in _keys)
        {
            known |= CryptographicOperations.FixedTimeEquals(bytes, key);
        }

        return known;
    }
}
