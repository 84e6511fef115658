using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CloudPocket.Api.Telemetry;

// Bytes moved and time taken per upload and download, on the meter ServiceDefaults exports (the application's name).
public sealed class FileTransferMetrics
{
    private readonly Counter<long> _uploadedBytes;
    private readonly Counter<long> _downloadedBytes;
    private readonly Histogram<double> _uploadDuration;
    private readonly Histogram<double> _downloadDuration;

    public FileTransferMetrics(IMeterFactory meters, IHostEnvironment environment)
    {
        var meter = meters.Create(environment.ApplicationName);
        _uploadedBytes = meter.CreateCounter<long>("cloudpocket.upload.bytes", "By", "Bytes of files stored");
        _downloadedBytes = meter.CreateCounter<long>("cloudpocket.download.bytes", "By", "Bytes of files sent to clients");
        _uploadDuration = meter.CreateHistogram<double>("cloudpocket.upload.duration", "s", "Time to receive and store one file");
        _downloadDuration = meter.CreateHistogram<double>("cloudpocket.download.duration", "s", "Time to send one file or range");
    }

    public void Uploaded(long bytes, TimeSpan elapsed)
    {
        _uploadedBytes.Add(bytes);
        _uploadDuration.Record(elapsed.TotalSeconds);
    }

    public void Downloaded(long bytes, TimeSpan elapsed)
    {
        _downloadedBytes.Add(bytes);
        _downloadDuration.Record(elapsed.TotalSeconds);
    }

    public static long Now() => Stopwatch.GetTimestamp();
}
