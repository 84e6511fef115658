using CloudPocket.AppHost.Telemetry.Otlp;

namespace CloudPocket.AppHost.Telemetry;

/// <summary>What OTLP says about the sender: the resource is named by its <c>service.name</c>.</summary>
internal static class OtlpResources
{
    public static string Name(Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name") is { } name ? OtlpValues.Format(name.Value) : "unknown";

    public static DateTimeOffset Time(ulong unixNanos) => DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanos / 100));
}
