using System.Globalization;
using System.Reflection;
using CloudPocket.Api.Storage;

namespace CloudPocket.Benchmarks;

// What one run does. The defaults are the workloads; --quick shrinks them for a smoke run of the harness.
internal sealed class BenchSettings
{
    public const long MiB = 1024 * 1024;

    public string ApiPath { get; private set; } = EmbeddedApiPath();

    public IReadOnlyList<long> LargeSizes { get; private set; } = [256 * MiB, 1024 * MiB];

    // Best of N per large transfer: on 2 shared cores one run can be unlucky.
    public int LargeRepeats { get; private set; } = 2;

    // The file sent through tus and through POST /upload/ for the tus workload.
    public long TusSize { get; private set; } = 1024 * MiB;

    public int SmallFileBytes { get; private set; } = 4 * 1024;

    public int Clients { get; private set; } = 16;

    public TimeSpan SmallPhase { get; private set; } = TimeSpan.FromSeconds(10);

    // The index sizes, each measured in process and as a bucket the API starts on (the 10^5 and 10^6).
    public IReadOnlyList<int> IndexSizes { get; private set; } = [100_000, 1_000_000];

    // The least the rebuild is waited for before it is reported as not finishing; larger buckets get longer.
    public TimeSpan RebuildTimeout { get; private set; } = TimeSpan.FromSeconds(150);

    // The start with a HEAD per file is measured at the smallest index size, and at larger ones only if estimated
    // to take no longer than this (a million files: about 6-9 minutes here).
    public TimeSpan HeadPathBudget { get; private set; } = TimeSpan.FromMinutes(3);

    // Uploads to one replica, each timed until the other lists it.
    public int ReplicaUploads { get; private set; } = 200;

    public HashSet<string> Workloads { get; } = new(StringComparer.OrdinalIgnoreCase) { "large", "small", "index", "replicas", "tus", "page", "large-rgw", "small-rgw" };

    // The file uploaded through the page in Chromium and with curl -F (the 256 MiB).
    public long PageUploadBytes { get; private set; } = 256 * MiB;

    // Null: the API's own defaults (S3Options), which the direct uploads then mirror.
    public int? PartSizeBytes { get; private set; }

    public int? MaxConcurrentPartUploads { get; private set; }

    public Dictionary<string, string> ApiEnvironment { get; } = [];

    public int EffectivePartSize => PartSizeBytes ?? new S3Options().PartSizeBytes;

    public int EffectivePartConcurrency => MaxConcurrentPartUploads ?? new S3Options().MaxConcurrentPartUploads;

    public bool Quick { get; private set; }

    // Echo each API process's last log lines to stderr when it stops: for finding out why a figure is what it is.
    public bool ShowApiOutput { get; private set; }

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--api":
                    settings.ApiPath = Path.GetFullPath(Next());
                    break;
                case "--quick":
                    settings.Quick = true;
                    settings.LargeSizes = [32 * MiB, 64 * MiB];
                    settings.LargeRepeats = 1;
                    settings.SmallPhase = TimeSpan.FromSeconds(3);
                    settings.IndexSizes = [5_000, 20_000];
                    settings.ReplicaUploads = 40;
                    settings.TusSize = 128 * MiB;
                    settings.PageUploadBytes = 32 * MiB;
                    break;
                case "--tus-mib":
                    settings.TusSize = long.Parse(Next(), CultureInfo.InvariantCulture) * MiB;
                    break;
                case "--large-mib":
                    settings.LargeSizes = [.. Next().Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture) * MiB)];
                    break;
                case "--repeat":
                    settings.LargeRepeats = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--small-seconds":
                    settings.SmallPhase = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture));
                    break;
                case "--clients":
                    settings.Clients = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--index-entries":
                    settings.IndexSizes = [.. Next().Split(',').Select(s => int.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))];
                    break;
                case "--head-path-budget":
                    settings.HeadPathBudget = TimeSpan.FromMinutes(double.Parse(Next(), CultureInfo.InvariantCulture));
                    break;
                case "--replica-uploads":
                    settings.ReplicaUploads = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--rebuild-timeout":
                    settings.RebuildTimeout = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture));
                    break;
                case "--only":
                    settings.Workloads.Clear();
                    settings.Workloads.UnionWith(Next().Split(','));
                    break;
                case "--part-size":
                    settings.PartSizeBytes = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--part-concurrency":
                    settings.MaxConcurrentPartUploads = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--show-api-output":
                    settings.ShowApiOutput = true;
                    break;
                case "--api-env":
                    var pair = Next().Split('=', 2);
                    settings.ApiEnvironment[pair[0]] = pair.Length == 2 ? pair[1] : throw new ArgumentException("--api-env wants NAME=VALUE.");
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Options: --api PATH, --quick, --only large,small,index,replicas,tus,page,large-rgw,small-rgw, --large-mib 256,1024, --tus-mib 1024, " +
                        "--repeat N, --small-seconds S, --clients N, --index-entries 100000,1000000, --rebuild-timeout S, --head-path-budget MIN, --replica-uploads N, --part-size BYTES, --part-concurrency N, --api-env NAME=VALUE, --show-api-output.");
            }
        }

        return File.Exists(settings.ApiPath)
            ? settings
            : throw new ArgumentException($"The API build output '{settings.ApiPath}' does not exist: build CloudPocket.Api (Release) or pass --api.");
    }

    // The build bakes in the path of CloudPocket.Api's own output (see the project file).
    private static string EmbeddedApiPath() =>
        typeof(BenchSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "CloudPocket.Benchmarks.ApiPath")?.Value ?? "";
}
