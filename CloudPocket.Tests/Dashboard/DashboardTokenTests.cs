using CloudPocket.AppHost.Dashboard;

namespace CloudPocket.Tests.Dashboard;

public class DashboardTokenTests
{
    [Fact]
    public void OnlyTheTokenItselfIsAccepted()
    {
        var token = new DashboardToken();

        Assert.True(token.IsToken(token.Value));
        Assert.False(token.IsToken(token.Value[..^1]));
        Assert.False(token.IsToken(""));
        Assert.False(token.IsToken(null));
        Assert.False(token.IsToken(token.Session));
    }

    [Fact]
    public void TheSessionIsNeitherTheTokenNorSharedBetweenRuns()
    {
        var (first, second) = (new DashboardToken(), new DashboardToken());

        Assert.True(first.IsSession(first.Session));
        Assert.False(first.IsSession(first.Value));
        Assert.False(first.IsSession(second.Session));
        Assert.NotEqual(first.Value, second.Value);
    }
}
