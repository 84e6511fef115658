namespace CloudPocket.Benchmarks;

// What every workload shares: the settings, the S3 server, the direct SDK baseline and the table they fill. On names
// the server in the table's workload column ("" for the emulator, " on Ceph RGW").
internal sealed record BenchContext(BenchSettings Settings, IS3Server Server, DirectS3 Direct, ResultTable Table, string On)
{
    public Uri S3Endpoint => Server.Endpoint;

    public int EmulatorProcessId => Server.Processes[0].ProcessId;

    public IEnumerable<int> S3ProcessIds => Server.Processes.Select(p => p.ProcessId);

    public Task<ApiProcess> StartApiAsync(string bucket, TimeSpan healthTimeout, CancellationToken cancellationToken) =>
        ApiProcess.StartAsync(Settings, S3Endpoint, bucket, healthTimeout, cancellationToken, Server.ChecksumsOnlyWhenRequired);

    public CpuMeter Cpu(ApiProcess? api) => new(api is null
        ? [.. Server.Processes, ("client", Environment.ProcessId)]
        : [.. Server.Processes, ("API", api.ProcessId), ("client", Environment.ProcessId)]);
}
