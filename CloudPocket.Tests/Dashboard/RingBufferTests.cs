using CloudPocket.AppHost.Telemetry;

namespace CloudPocket.Tests.Dashboard;

public class RingBufferTests
{
    [Fact]
    public void BelowCapacityEverythingIsKeptInOrder()
    {
        var buffer = new RingBuffer<int>(5);
        buffer.Add(1);
        buffer.Add(2);

        Assert.Equal([1, 2], buffer.Snapshot());
    }

    [Fact]
    public void PastCapacityTheOldestGoFirstAndTheRestStayInOrder()
    {
        var buffer = new RingBuffer<int>(3);
        foreach (var item in Enumerable.Range(1, 10))
        {
            buffer.Add(item);
        }

        Assert.Equal([8, 9, 10], buffer.Snapshot());
    }

    [Fact]
    public void ACapacityBelowOneIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RingBuffer<int>(0));
}
