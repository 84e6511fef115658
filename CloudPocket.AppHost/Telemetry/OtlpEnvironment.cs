using System.Globalization;
using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Telemetry;

/// <summary>
/// Points every .NET project's OpenTelemetry exporter (ServiceDefaults) at the AppHost's receiver, as Aspire does,
/// with the per-run key in a header and short export delays so the dashboard is current within about a second.
/// </summary>
internal static class OtlpEnvironment
{
    public const string ApiKeyHeader = "x-otlp-api-key";

    public static void Apply(IEnumerable<AppResource> resources, int port, string apiKey)
    {
        var endpoint = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        foreach (var resource in resources.OfType<ProjectAppResource>())
        {
            resource.Annotations.Add(new EnvironmentAnnotation(env =>
            {
                env["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
                env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                env["OTEL_EXPORTER_OTLP_HEADERS"] = ApiKeyHeader + "=" + apiKey;
                env["OTEL_SERVICE_NAME"] = resource.Name;
                env["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
                env["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
                env["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
            }));
        }
    }
}
