using System.Net;
using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Links;
using CloudPocket.Api.Storage;

namespace CloudPocket.Tests.Unit;

public class LinkRulesTests
{
    private const string Key = "abcdefghijklmnopqrstuvwxyz";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ShareLinkOptions Options = new();

    private static ShareLinkRecord Create(long? expiresIn = null, int? maxDownloads = null, string? password = null) =>
        LinkRules.Create(Key, new CreateLinkRequest(expiresIn, maxDownloads, password), Options, Now);

    private static HttpStatusCode Refusal(Action rule) => (HttpStatusCode)Assert.Throws<ProblemException>(rule).StatusCode;

    [Fact]
    public void ALinkWithoutSettingsLastsSevenDaysWithNoLimitAndNoPassword()
    {
        var link = Create();

        Assert.Equal(Now.AddDays(7), link.ExpiresAt);
        Assert.Null(link.MaxDownloads);
        Assert.Null(link.Password);
        Assert.Equal(0, link.Downloads);
        LinkRules.EnsureUsable(link, Now.AddDays(7).AddTicks(-1));
        LinkRules.EnsurePassword(link, null);
    }

    [Fact]
    public void ALinkExpiresAtItsExpiryAndSaysWhen()
    {
        var link = Create(expiresIn: 60);

        LinkRules.EnsureUsable(link, Now.AddSeconds(59));
        var expired = Assert.Throws<ProblemException>(() => LinkRules.EnsureUsable(link, Now.AddSeconds(60)));

        Assert.Equal(410, expired.StatusCode);
        Assert.Contains("expired at 2026-12-01 12:01 UTC", expired.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData((30L * 24 * 3600) + 1)]
    public void AnExpiryOutsideOneSecondToTheMaximumIsABadRequest(long seconds) =>
        Assert.Equal(HttpStatusCode.BadRequest, Refusal(() => Create(expiresIn: seconds)));

    [Fact]
    public void TheMaximumExpiryItselfIsAllowed() =>
        Assert.Equal(Now.AddDays(30), Create(expiresIn: 30L * 24 * 3600).ExpiresAt);

    [Fact]
    public void ALinkIsUsedUpAfterItsMaximumDownloads()
    {
        var link = Create(maxDownloads: 2);

        link = LinkRules.CountDownload(link);
        LinkRules.EnsureUsable(link, Now);
        link = LinkRules.CountDownload(link);

        Assert.Equal(2, link.Downloads);
        Assert.Equal(HttpStatusCode.Gone, Refusal(() => LinkRules.EnsureUsable(link, Now)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void AMaximumBelowOneIsABadRequest(int maxDownloads) =>
        Assert.Equal(HttpStatusCode.BadRequest, Refusal(() => Create(maxDownloads: maxDownloads)));

    [Fact]
    public void APasswordIsStoredOnlyAsASaltedHashAndOnlyItOpensTheLink()
    {
        var link = Create(password: "correct horse");
        var again = Create(password: "correct horse");

        Assert.NotNull(link.Password);
        Assert.DoesNotContain("correct horse", link.Password.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(link.Password.Salt, again.Password!.Salt);
        Assert.NotEqual(link.Password.Hash, again.Password.Hash);
        Assert.True(link.Password.Iterations >= 100_000);
        LinkRules.EnsurePassword(link, "correct horse");
        Assert.Equal(HttpStatusCode.Unauthorized, Refusal(() => LinkRules.EnsurePassword(link, null)));
        Assert.Equal(HttpStatusCode.Unauthorized, Refusal(() => LinkRules.EnsurePassword(link, "")));
        Assert.Equal(HttpStatusCode.Forbidden, Refusal(() => LinkRules.EnsurePassword(link, "correct horse ")));
        Assert.Equal(HttpStatusCode.Forbidden, Refusal(() => LinkRules.EnsurePassword(link, new string('x', LinkPassword.MaxLength + 1))));
    }

    [Fact]
    public void AnEmptyOrOverlongPasswordIsABadRequest()
    {
        Assert.Equal(HttpStatusCode.BadRequest, Refusal(() => Create(password: "")));
        Assert.Equal(HttpStatusCode.BadRequest, Refusal(() => Create(password: new string('p', LinkPassword.MaxLength + 1))));
    }

    [Fact]
    public void ARevokedLinkIsGoneWhateverElseHolds()
    {
        var link = LinkRules.Revoke(Create(), Now.AddMinutes(1));

        var revoked = Assert.Throws<ProblemException>(() => LinkRules.EnsureUsable(link, Now.AddMinutes(2)));

        Assert.Equal(410, revoked.StatusCode);
        Assert.Contains("revoked", revoked.Detail, StringComparison.Ordinal);
        Assert.Equal(Now.AddMinutes(1), LinkRules.Revoke(link, Now.AddMinutes(5)).RevokedAt);
    }

    [Fact]
    public void ATokenIsItsIdAndA130BitSecretAndOnlyTheWholeTokenMatches()
    {
        var link = Create();
        var token = LinkToken.Of(link);

        Assert.Equal(52, token.Length);
        Assert.Equal(link.Id, LinkToken.IdOf(token));
        Assert.True(LinkToken.Matches(link, token));
        Assert.False(LinkToken.Matches(link, link.Id + Create().Secret));
        Assert.Null(LinkToken.IdOf(link.Id));
        Assert.Null(LinkToken.IdOf(token.ToUpperInvariant()));
        Assert.NotEqual(link.Secret, Create().Secret);
    }
}
