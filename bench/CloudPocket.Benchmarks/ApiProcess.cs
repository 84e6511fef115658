using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CloudPocket.Benchmarks;

// The API as its own process, started from its Release build output exactly as it is deployed
// (`dotnet CloudPocket.Api.dll`), so its runtimeconfig (GC settings) applies and its memory can be read alone.
internal sealed class ApiProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 40;
    private const string IndexRebuiltLog = "Index rebuilt";
    private const string RebuildRetryLog = "to rebuild the index; retrying";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    // /health asks S3 (HeadBucket), and the emulator's single thread is what the rebuild waits on: polling it every
    // 10 ms would slow down the very rebuild being timed. So: /alive (no S3) until the process answers, then /health
    // as soon as the API logs that its index is rebuilt, and every 15 s in case that log line is turned off.
    private static readonly TimeSpan HealthFallbackInterval = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly OutputTail _output = new(KeptOutputLines);
    private readonly bool _echoOutput;
    private readonly Stopwatch _sinceStart;
    private volatile bool _indexRebuilt;
    private int _rebuildRetries;

    private ApiProcess(Process process, Uri baseAddress, bool echoOutput, Stopwatch sinceStart)
    {
        _process = process;
        BaseAddress = baseAddress;
        _echoOutput = echoOutput;
        _sinceStart = sinceStart;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    // From Process.Start until /health first answered 200: runtime start, S3 reachable, index rebuilt.
    public TimeSpan TimeToHealthy { get; private set; }

    public TimeSpan SinceStart => _sinceStart.Elapsed;

    public ProcessMemory Memory => ProcessMemory.Read(_process.Id);

    // How often the API logged that reading the bucket for its index failed and it starts over.
    public int RebuildRetries => Volatile.Read(ref _rebuildRetries);

    public static async Task<ApiProcess> StartAsync(BenchSettings settings, Uri s3Endpoint, string bucket, TimeSpan healthTimeout,
        CancellationToken cancellationToken, bool checksumsOnlyWhenRequired = false)
    {
        var api = Launch(settings, s3Endpoint, bucket, checksumsOnlyWhenRequired);
        try
        {
            return await api.TryWaitForHealthyAsync(healthTimeout, cancellationToken)
                ? api
                : throw new TimeoutException($"The API was not healthy within {healthTimeout.TotalSeconds} s:{Environment.NewLine}{api.LastOutput()}");
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    // Starts the process; the clock of TimeToHealthy starts here.
    public static ApiProcess Launch(BenchSettings settings, Uri s3Endpoint, string bucket, bool checksumsOnlyWhenRequired = false)
    {
        var port = Loopback.FreePort();
        var start = new ProcessStartInfo(DotNetHost())
        {
            ArgumentList = { settings.ApiPath },
            WorkingDirectory = Path.GetDirectoryName(settings.ApiPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        env["S3__ServiceUrl"] = s3Endpoint.GetLeftPart(UriPartial.Authority);
        env["S3__BucketName"] = bucket;
        env["S3__ForcePathStyle"] = "true";
        env["S3__CreateBucketIfMissing"] = "true";
        env["AWS_ACCESS_KEY_ID"] = "test";
        env["AWS_SECRET_ACCESS_KEY"] = "test";
        env["AWS_REGION"] = "us-east-1";
        // The benchmark is one client sending thousands of uploads a minute; the per-client limit is not what is measured.
        env["Uploads__PermitsPerMinute"] = "100000000";
        if (checksumsOnlyWhenRequired)
        {
            env["S3__RequestChecksumCalculation"] = "WHEN_REQUIRED";
            env["S3__ResponseChecksumValidation"] = "WHEN_REQUIRED";
        }

        if (settings.PartSizeBytes is { } partSize)
        {
            env["S3__PartSizeBytes"] = partSize.ToString(CultureInfo.InvariantCulture);
        }

        if (settings.MaxConcurrentPartUploads is { } concurrency)
        {
            env["S3__MaxConcurrentPartUploads"] = concurrency.ToString(CultureInfo.InvariantCulture);
        }

        if (settings.ShowApiOutput)
        {
            env["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        }

        foreach (var (name, value) in settings.ApiEnvironment)
        {
            env[name] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the API process.");
        var api = new ApiProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")), settings.ShowApiOutput, clock);
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return api;
    }

    public string LastOutput() => _output.ToString();

    // The API's own account of its start ("Index rebuilt: … from the snapshot, … read one by one"), once logged.
    public string? RebuiltLog => _output.FindLast(line => line.Contains(IndexRebuiltLog, StringComparison.Ordinal));

    // Waits for a log line containing one of the texts (one already kept counts); null after the timeout.
    public async Task<string?> WaitForOutputAsync(IReadOnlyList<string> texts, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!_process.HasExited && clock.Elapsed < timeout)
        {
            if (_output.FindLast(line => texts.Any(t => line.Contains(t, StringComparison.Ordinal))) is { } line)
            {
                return line;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        if (_echoOutput)
        {
            Progress.Say($"API process {_process.Id} output (last {KeptOutputLines} lines):{Environment.NewLine}{LastOutput()}");
        }

        _process.Dispose();
    }

    // False when not healthy within the timeout; throws when the process exits first.
    public async Task<bool> TryWaitForHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var listening = false;
        var lastProbe = TimeSpan.Zero;
        while (_sinceStart.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with code {_process.ExitCode} before it was healthy:{Environment.NewLine}{LastOutput()}");
            }

            try
            {
                if (!listening)
                {
                    listening = await IsOkAsync(http, "alive", cancellationToken);
                }
                else if (_indexRebuilt || _sinceStart.Elapsed - lastProbe >= HealthFallbackInterval)
                {
                    lastProbe = _sinceStart.Elapsed;
                    if (await IsOkAsync(http, "health", cancellationToken))
                    {
                        TimeToHealthy = _sinceStart.Elapsed;
                        return true;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet, or too busy to answer within the probe's timeout.
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return false;
    }

    private static async Task<bool> IsOkAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains(IndexRebuiltLog, StringComparison.Ordinal))
        {
            _indexRebuilt = true;
        }
        else if (line.Contains(RebuildRetryLog, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _rebuildRetries);
        }

        _output.Add(line);
    }

    // The same dotnet host that runs the benchmark (`dotnet run` and `dotnet X.dll` set it), else the one on PATH.
    private static string DotNetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
