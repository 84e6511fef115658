namespace CloudPocket.Benchmarks;

// What every workload shares: the settings, the emulator, the direct SDK baseline and the table they fill.
internal sealed record BenchContext(BenchSettings Settings, Uri S3Endpoint, int EmulatorProcessId, DirectS3 Direct, ResultTable Table)
{
    public Task<ApiProcess> StartApiAsync(string bucket, TimeSpan healthTimeout, CancellationToken cancellationToken) =>
        ApiProcess.StartAsync(Settings, S3Endpoint, bucket, healthTimeout, cancellationToken);

    public CpuMeter Cpu(ApiProcess? api) => new(api is null
        ? [("emulator", EmulatorProcessId), ("client", Environment.ProcessId)]
        : [("emulator", EmulatorProcessId), ("API", api.ProcessId), ("client", Environment.ProcessId)]);
}
