using CloudPocket.AppHost.Hosting;

// The app model: what runs locally and how it is wired. The orchestrator starts, watches and stops it.
var builder = AppModelBuilder.Create(args);

var s3 = builder.AddS3Emulator("s3")
    .WithBucket("cloudpocket")
    .WithDataDirectory(".data/s3");

builder.AddProject("api", "CloudPocket.Api")
    .WithReference(s3)
    .WithGeneratedApiKey(onlyWithArgument: "--api-key")
    .WaitFor(s3)
    .WithHttpHealthCheck("/health");

await builder.Build().RunAsync();

// Internal on purpose, stated so ASP.NET Core's generator does not make it public: the test project references both
// the Api and the AppHost, and only the Api's Program may be visible there. Tests reach this one via TestingAppHost.
internal partial class Program;
