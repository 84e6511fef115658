using CloudPocket.Api.Tus;

namespace CloudPocket.Api.Pages;

// What the page learns from the server on load (GET /page/settings): the page is static files, and the CSP allows
// no inline script to carry settings. Nothing here is secret, so no API key is wanted.
public sealed record PageSettings(long TusThresholdBytes, int TusChunkBytes)
{
    public const string Route = "/page/settings";

    public static PageSettings From(TusOptions tus) => new(tus.PageThresholdBytes, tus.PageChunkBytes);
}
