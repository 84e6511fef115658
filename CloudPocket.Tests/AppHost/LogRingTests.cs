using CloudPocket.AppHost.Orchestration;

namespace CloudPocket.Tests.AppHost;

public class LogRingTests
{
    [Fact]
    public void RingKeepsOnlyTheLastLinesOldestFirst()
    {
        var ring = new LogRing("api", capacity: 3);

        foreach (var i in Enumerable.Range(1, 5))
        {
            ring.Add($"line {i}", isError: false);
        }

        Assert.Equal(["line 3", "line 4", "line 5"], ring.Tail().Select(l => l.Text));
        Assert.Equal([3L, 4L, 5L], ring.Tail().Select(l => l.Sequence));
        Assert.Equal(5, ring.TotalWritten);
    }

    [Fact]
    public void TailReturnsOnlyTheRequestedLastLines()
    {
        var ring = new LogRing("api", capacity: 10);
        foreach (var i in Enumerable.Range(1, 4))
        {
            ring.Add($"line {i}", isError: false);
        }

        Assert.Equal(["line 3", "line 4"], ring.Tail(2).Select(l => l.Text));
        Assert.Empty(ring.Tail(0));
    }

    [Fact]
    public void StderrLinesAreFlaggedAndCarryTheResourceName()
    {
        var ring = new LogRing("s3", capacity: 10);

        ring.Add("listening", isError: false);
        ring.Add("boom", isError: true);

        Assert.Equal([false, true], ring.Tail().Select(l => l.IsError));
        Assert.All(ring.Tail(), l => Assert.Equal("s3", l.Resource));
    }
}
