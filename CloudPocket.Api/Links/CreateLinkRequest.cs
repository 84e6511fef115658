using System.ComponentModel;

namespace CloudPocket.Api.Links;

// The body of POST /files/{s3_key}/links; every field may be left out.
public sealed record CreateLinkRequest(
    [property: Description("Seconds until the link expires; default 7 days, at most the configured maximum")] long? ExpiresIn = null,
    [property: Description("How many downloads the link allows; unlimited when left out")] int? MaxDownloads = null,
    [property: Description("A password the link asks for before a download")] string? Password = null);
