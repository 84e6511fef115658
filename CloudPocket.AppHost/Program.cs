using CloudPocket.AppHost.S3;
using Microsoft.Extensions.Configuration;

const string Bucket = "cloudpocket";

var builder = DistributedApplication.CreateBuilder(args);
var backend = builder.Configuration.GetS3Backend();

var api = builder.AddProject<Projects.CloudPocket_Api>("api")
    .WithReplicas(builder.Configuration.GetValue("Api:Replicas", 1))
    .WithHttpHealthCheck("/health")
    .WithPageUrls()
    // The exporter's retry of an unreachable OTLP endpoint (the dashboard stops first) would hold the API's stop for ~10 s.
    .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", "1000");

if (!UsesHttps(builder.Configuration))
{
    // The http profile: nothing here serves TLS, so no development certificate is wanted (and none is warned about).
#pragma warning disable ASPIRECERTIFICATES001 // Experimental in Aspire 13.6; the only way to say that a project needs no certificate.
    api.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
}

if (builder.Configuration.GetValue<bool>("Api:RequireKey"))
{
    api.WithApiKey(builder.AddParameter("api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true));
}

switch (backend)
{
    case S3Backend.Emulator:
        var emulator = builder.AddS3Emulator("s3")
            .WithDataDirectory(builder.Configuration["S3:DataDirectory"])
            .WithBucket(Bucket);
        api.WithReference(emulator).WaitFor(emulator);
        break;

    case S3Backend.LocalStack when !ContainerRuntime.Answers():
        Console.Error.WriteLine($"{S3BackendConfiguration.Key}=localstack needs a container runtime, and '{ContainerRuntime.Name} info' does not answer here: start Docker or Podman, or run with {S3BackendConfiguration.Key}=emulator.");
        return 1;

    case S3Backend.LocalStack:
        var localstack = builder.AddLocalStack("s3", builder.AddParameter("localstack-auth-token", secret: true))
            .WithBucket(Bucket);
        api.WithReference(localstack).WaitFor(localstack);
        break;

    case S3Backend.Ceph when CephPackages.Missing() is [_, ..] missing:
        Console.Error.WriteLine($"{S3BackendConfiguration.Key}=ceph needs Debian's Ceph packages ({string.Join(", ", missing)} not found): install them with '{CephPackages.InstallCommand}' (as root), or run with {S3BackendConfiguration.Key}=emulator.");
        return 1;

    case S3Backend.Ceph:
        var ceph = builder.AddCeph("s3")
            .WithDataDirectory(builder.Configuration["S3:DataDirectory"] ?? ".data/ceph")
            .WithBucket(Bucket);
        api.WithReference(ceph).WaitFor(ceph);
        break;

    case S3Backend.Aws:
        api.WithAwsS3(region: builder.AddParameter("aws-region"), bucket: builder.AddParameter("s3-bucket"));
        break;
}

await builder.Build().RunAsync();
return 0;

// The https launch profile serves the dashboard over TLS (ASPNETCORE_URLS has an https address); the default http one does not.
static bool UsesHttps(IConfiguration configuration) =>
    configuration["ASPNETCORE_URLS"]?.Contains("https://", StringComparison.OrdinalIgnoreCase) == true;

// Internal, so that the tests (which reference the API too) see only the API's Program.
internal partial class Program;
