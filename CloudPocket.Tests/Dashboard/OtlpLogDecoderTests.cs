using CloudPocket.AppHost.Telemetry;
using CloudPocket.AppHost.Telemetry.Otlp;
using Google.Protobuf;

namespace CloudPocket.Tests.Dashboard;

public class OtlpLogDecoderTests
{
    [Theory]
    [InlineData(1, "Trace")]
    [InlineData(9, "Information")]
    [InlineData(12, "Information")]
    [InlineData(13, "Warning")]
    [InlineData(17, "Error")]
    [InlineData(24, "Critical")]
    [InlineData(0, "Unspecified")]
    public void SeverityNumbersMapToLevelsInBandsOfFour(int severity, string level) =>
        Assert.Equal(level, OtlpLogDecoder.LevelOf(severity));

    [Fact]
    public void ARecordKeepsItsMessageAttributesTraceAndResource()
    {
        var record = new LogRecord
        {
            TimeUnixNano = 1_000_000_000,
            SeverityNumber = 13,
            Body = new AnyValue { StringValue = "S3 unavailable" },
            TraceId = ByteString.CopyFrom(Enumerable.Repeat((byte)0xab, 16).ToArray()),
        };
        record.Attributes.Add(new KeyValue { Key = "Path", Value = new AnyValue { StringValue = "/upload/" } });
        var resource = new ResourceLogs { Resource = new Resource(), ScopeLogs = { new ScopeLogs { LogRecords = { record } } } };
        resource.Resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "api" } });
        var request = ExportLogsServiceRequest.Parser.ParseFrom(new ExportLogsServiceRequest { ResourceLogs = { resource } }.ToByteArray());

        var decoded = Assert.Single(OtlpLogDecoder.Decode(request));

        Assert.Equal(("api", "Warning", "S3 unavailable"), (decoded.Resource, decoded.Level, decoded.Message));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(1), decoded.Timestamp);
        Assert.Equal(string.Concat(Enumerable.Repeat("ab", 16)), decoded.TraceId);
        Assert.Equal("/upload/", decoded.Attributes["Path"]);
    }
}
