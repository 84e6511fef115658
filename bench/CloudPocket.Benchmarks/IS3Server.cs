namespace CloudPocket.Benchmarks;

// The S3 server a workload runs against (fauxqs, Ceph RGW): the same one for the API and the direct SDK.
internal interface IS3Server : IAsyncDisposable
{
    Uri Endpoint { get; }

    string BucketName { get; }

    // The processes that do the server's work, by name, for the CPU figures (e.g. "emulator", or radosgw and the OSD).
    IReadOnlyList<(string Name, int ProcessId)> Processes { get; }

    // True for a server without flexible checksums: clients calculate checksums only where an operation requires one.
    bool ChecksumsOnlyWhenRequired { get; }
}
