using System.Diagnostics;
using CloudPocket.AppHost.Telemetry;

namespace CloudPocket.Tests.Dashboard;

public class TraceStoreTests
{
    [Fact]
    public void ATraceIsSummarisedByItsRootSpanOverItsWholeExtent()
    {
        var store = new TraceStore();
        store.Add(OtlpTraceDecoder.Decode(OtlpRequests.Request("api",
            OtlpRequests.Span("PUT", spanId: 2, parentId: 1, startMs: 5, durationMs: 10),
            OtlpRequests.Span("POST /upload/", spanId: 1, parentId: null, startMs: 0, durationMs: 30))));

        var trace = Assert.Single(store.ListTraces());

        Assert.Equal(("POST /upload/", "api", 2), (trace.Name, trace.Resource, trace.SpanCount));
        Assert.Equal(30, trace.DurationMs, precision: 3);
        Assert.Equal(["POST /upload/", "PUT"], store.GetTrace(trace.TraceId).Select(s => s.Name));
    }

    [Fact]
    public void OnlyTheNewestSpansAreKeptAndTheNewestTracesListFirst()
    {
        var store = new TraceStore(capacity: 2);
        foreach (var id in new[] { 1, 2, 3 })
        {
            store.Add(OtlpTraceDecoder.Decode(OtlpRequests.Request("api", OtlpRequests.Span("t" + id, 1, null, id, 1, traceId: id))));
        }

        Assert.Equal(["t3", "t2"], store.ListTraces().Select(t => t.Name));
    }

    [Fact]
    public void TenThousandSpansAreListedQuickly()
    {
        var store = new TraceStore();
        for (var trace = 0; trace < 1000; trace++)
        {
            var spans = Enumerable.Range(1, 10).Select(i => OtlpRequests.Span("s", (byte)i, i == 1 ? null : (byte)1, i, 1, traceId: trace)).ToArray();
            store.Add(OtlpTraceDecoder.Decode(OtlpRequests.Request("api", spans)));
        }

        var clock = Stopwatch.StartNew();
        var traces = store.ListTraces();

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.NotEmpty(traces);
    }
}
