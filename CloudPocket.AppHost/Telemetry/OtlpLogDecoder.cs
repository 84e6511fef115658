using CloudPocket.AppHost.Telemetry.Otlp;

namespace CloudPocket.AppHost.Telemetry;

/// <summary>Turns an OTLP logs export request into <see cref="StructuredLogRecord"/>s.</summary>
public static class OtlpLogDecoder
{
    public static IEnumerable<StructuredLogRecord> Decode(ExportLogsServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = OtlpResources.Name(resourceLogs.Resource);
            foreach (var record in resourceLogs.ScopeLogs.SelectMany(s => s.LogRecords))
            {
                yield return new StructuredLogRecord(
                    // The event time is optional in OTLP; the time the SDK saw it is the fallback.
                    OtlpResources.Time(record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano),
                    resource,
                    LevelOf(record.SeverityNumber),
                    record.SeverityNumber,
                    OtlpValues.Format(record.Body),
                    record.TraceId.IsEmpty ? null : Convert.ToHexStringLower(record.TraceId.Span),
                    OtlpValues.ToDictionary(record.Attributes));
            }
        }
    }

    /// <summary>OTLP severity numbers come in bands of four (1–4 TRACE … 21–24 FATAL); named as .NET names its levels.</summary>
    public static string LevelOf(int severity) => severity switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => "Unspecified",
    };
}
