namespace CloudPocket.Benchmarks;

// Request latencies of one phase, in milliseconds; percentiles by nearest rank.
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Add(double milliseconds) => _milliseconds.Add(milliseconds);

    public void AddRange(Latencies other) => _milliseconds.AddRange(other._milliseconds);

    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        _milliseconds.Sort();
        var rank = (int)Math.Ceiling(p / 100 * _milliseconds.Count);
        return _milliseconds[Math.Clamp(rank - 1, 0, _milliseconds.Count - 1)];
    }
}
