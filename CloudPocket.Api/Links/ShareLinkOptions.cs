using System.ComponentModel.DataAnnotations;

namespace CloudPocket.Api.Links;

// Share links; configurable under "Links".
public sealed class ShareLinkOptions
{
    public const string SectionName = "Links";

    // A link's lifetime when the request names none.
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan DefaultExpiry { get; set; } = TimeSpan.FromDays(7);

    // The longest lifetime a request may ask for; longer is a 400.
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan MaxExpiry { get; set; } = TimeSpan.FromDays(30);

    // Requests to one link's info and download endpoints per client address per minute; more → 429. This is what
    // bounds password guessing, together with the slow hash.
    [Range(1, 10_000)]
    public int AttemptsPerMinute { get; set; } = 20;
}
