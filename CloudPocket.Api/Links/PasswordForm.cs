using CloudPocket.Api.Infrastructure;
using Microsoft.AspNetCore.Http.Features;

namespace CloudPocket.Api.Links;

// The form a share link's password arrives in: one field, 'password'; the form is read with small limits,
// as nothing else belongs in it.
public static class PasswordForm
{
    private static readonly FormOptions Limits = new() { ValueCountLimit = 8, ValueLengthLimit = 4 * LinkPassword.MaxLength, MultipartBodyLengthLimit = 64 * 1024 };

    public static async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw Problems.UnsupportedMediaType("Send the password as the form field 'password' (application/x-www-form-urlencoded or multipart/form-data).");
        }

        try
        {
            var form = await new FormFeature(request, Limits).ReadFormAsync(cancellationToken);
            return form["password"] is [var password] ? password : null;
        }
        catch (InvalidDataException)
        {
            throw Problems.InvalidRequest("The form could not be read.");
        }
    }
}
