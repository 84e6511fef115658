using CloudPocket.AppHost.Telemetry;

namespace CloudPocket.Tests.Dashboard;

public class LogStoreTests
{
    private static StructuredLogRecord Record(string resource, int severity, string message) =>
        new(DateTimeOffset.UnixEpoch, resource, OtlpLogDecoder.LevelOf(severity), severity, message, null, new Dictionary<string, string>());

    [Fact]
    public void ResourceLevelAndTextFiltersCombineAndTheNewestComeFirst()
    {
        var store = new LogStore();
        store.Add([Record("api", 9, "index rebuilt"), Record("api", 13, "S3 unavailable"), Record("s3", 13, "s3 warning"), Record("api", 17, "S3 failed")]);

        Assert.Equal(["S3 failed", "S3 unavailable"], store.Query("api", minSeverity: 13, text: "s3").Select(r => r.Message));
        Assert.Equal(4, store.Query(null, 0, null).Count);
        Assert.Equal("S3 failed", store.Query(null, 0, null)[0].Message);
    }

    [Fact]
    public void OnlyTheNewestRecordsAreKept()
    {
        var store = new LogStore(capacity: 2);
        store.Add([Record("api", 9, "one"), Record("api", 9, "two"), Record("api", 9, "three")]);

        Assert.Equal(["three", "two"], store.Query(null, 0, null).Select(r => r.Message));
    }
}
