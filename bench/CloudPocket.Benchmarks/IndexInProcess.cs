using System.Diagnostics;
using System.Runtime.CompilerServices;
using CloudPocket.Api.Files;

namespace CloudPocket.Benchmarks;

// The in-memory index in this process: what one entry costs, and paging it, at one size.
internal static class IndexInProcess
{
    private const int PageSize = 100;
    private const double MaxPageP99Ms = 10;
    private const double MaxBytesPerEntry = 1024;

    public static void Measure(ResultTable table, string workload, int entries)
    {
        Progress.Say($"index: {entries:N0} entries in process");
        // The records count too: the index is what keeps them (and their strings) alive in the API.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var (index, load) = Build(entries);
        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;

        // Warm-up, then every page of the whole listing twice, each page fetched with the previous page's cursor.
        IndexPaging.Walk(index, pages: 200, PageSize, new Latencies());
        var pages = new Latencies();
        IndexPaging.Walk(index, int.MaxValue, PageSize, pages);
        IndexPaging.Walk(index, int.MaxValue, PageSize, pages);
        var filtered = IndexPaging.Repeat(200, () => index.Page(null, PageSize, "report"));
        var noMatch = IndexPaging.Repeat(20, () => index.Page(null, PageSize, "no-such-name"));

        table.AddLimit(workload, $"memory per index entry: GC heap growth over FileIndex.Load of {entries:N0} records / entries (in process)",
            bytes / (double)entries, "0", MaxBytesPerEntry, "B");
        table.AddLimit(workload, $"FileIndex.Page of {PageSize}, walking all pages, p99 (in process, {pages.Count} pages)", pages.Percentile(99), "0.000", MaxPageP99Ms, "ms");
        table.AddInfo(workload, "FileIndex.Page p50", ResultTable.Format(pages.Percentile(50), "0.000") + " ms");
        table.AddInfo(workload, "FileIndex.Page with a name filter matching 1%, p99", ResultTable.Format(filtered.Percentile(99), "0.000") + " ms");
        table.AddInfo(workload, "FileIndex.Page with a filter matching nothing (full scan), p99", ResultTable.Format(noMatch.Percentile(99), "0.0") + " ms");
        table.AddInfo(workload, "FileIndex.Load of all entries (records made beforehand)", ResultTable.Format(load.TotalMilliseconds, "0") + " ms");
        GC.KeepAlive(index);
    }

    // Not inlined, so the list of records is garbage once it returns: only what the index keeps is measured.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (FileIndex Index, TimeSpan Load) Build(int entries)
    {
        var records = IndexRecords.Create(entries).ToList();
        var index = new FileIndex();
        var clock = Stopwatch.StartNew();
        index.Load(records);
        return (index, clock.Elapsed);
    }
}
