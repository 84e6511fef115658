using System.Text.Json;
using System.Text.Json.Serialization;
using CloudPocket.AppHost.Telemetry;

namespace CloudPocket.AppHost.Dashboard;

/// <summary>Source-generated JSON for what the dashboard sends: camelCase, as the scripts read it.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ResourceView))]
[JsonSerializable(typeof(IReadOnlyList<ResourceView>))]
[JsonSerializable(typeof(LogLineView))]
[JsonSerializable(typeof(IReadOnlyList<TraceSummary>))]
[JsonSerializable(typeof(IReadOnlyList<SpanRecord>))]
[JsonSerializable(typeof(IReadOnlyList<StructuredLogRecord>))]
[JsonSerializable(typeof(IReadOnlyList<MetricSeries>))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
