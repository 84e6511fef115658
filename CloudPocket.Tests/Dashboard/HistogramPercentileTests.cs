using CloudPocket.AppHost.Telemetry;

namespace CloudPocket.Tests.Dashboard;

public class HistogramPercentileTests
{
    private static readonly double[] Bounds = [10, 20, 50];

    [Fact]
    public void TheRankIsInterpolatedInsideItsBucket() =>
        Assert.Equal(15, HistogramPercentile.Estimate(Bounds, [0, 10, 0, 0], 0.5)!.Value, precision: 6);

    [Fact]
    public void TheHighPercentileFallsInTheSlowBucket() =>
        Assert.Equal(35, HistogramPercentile.Estimate(Bounds, [90, 0, 10, 0], 0.95)!.Value, precision: 6);

    [Fact]
    public void TheOpenLastBucketAnswersItsLowerBound() =>
        Assert.Equal(50, HistogramPercentile.Estimate(Bounds, [0, 0, 0, 5], 0.5));

    [Fact]
    public void NoCountsMeanNoPercentile() =>
        Assert.Null(HistogramPercentile.Estimate(Bounds, [0, 0, 0, 0], 0.5));
}
