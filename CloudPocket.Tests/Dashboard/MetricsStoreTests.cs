using CloudPocket.AppHost.Telemetry;

namespace CloudPocket.Tests.Dashboard;

public class MetricsStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static MetricInterval Cumulative(int endSeconds) => new(Start, Start.AddSeconds(endSeconds), Cumulative: true);

    private static double Last(MetricsStore store, string name) => store.Series("api").Single(s => s.Name == name).Points[^1].Value;

    [Fact]
    public void CumulativeCountersBecomeRatesOverEachExportInterval()
    {
        var store = new MetricsStore();
        store.AddCounter("api", "uploaded", "By", Cumulative(10), 1000);
        store.AddCounter("api", "uploaded", "By", Cumulative(12), 5000);

        Assert.Equal(100, store.Series("api").Single().Points[0].Value, precision: 6);
        Assert.Equal(2000, Last(store, "uploaded"), precision: 6);
        Assert.Equal("By/s", store.Series("api").Single().Unit);
    }

    [Fact]
    public void ACounterThatWentDownMeansARestartAndCountsFromTheNewStart()
    {
        var store = new MetricsStore();
        store.AddCounter("api", "uploaded", "By", Cumulative(10), 1000);
        store.AddCounter("api", "uploaded", "By", new MetricInterval(Start.AddSeconds(20), Start.AddSeconds(22), Cumulative: true), 50);

        Assert.Equal(25, Last(store, "uploaded"), precision: 6);
    }

    [Fact]
    public void TheRequestDurationHistogramGivesRateAndPercentilesInMilliseconds()
    {
        var store = new MetricsStore();
        double[] bounds = [0.01, 0.02, 0.05];
        store.AddHistogram("api", OtlpMetricDecoder.RequestDuration, Cumulative(1), bounds, [0, 0, 0, 0], toMilliseconds: 1000);
        store.AddHistogram("api", OtlpMetricDecoder.RequestDuration, Cumulative(3), bounds, [0, 10, 0, 0], toMilliseconds: 1000);

        Assert.Equal(5, Last(store, MetricsStore.Requests), precision: 6);
        Assert.Equal(15, Last(store, MetricsStore.P50), precision: 6);
        Assert.Equal(19.5, Last(store, MetricsStore.P95), precision: 6);
        Assert.Equal([MetricsStore.Requests, MetricsStore.P50, MetricsStore.P95], store.Series(null).Select(s => s.Name));
    }
}
