namespace Aspire.Hosting.ApplicationModel;

/// <summary>The fauxqs S3 emulator, run by the Node.js that the AppHost's build installs from npm.</summary>
public class S3EmulatorResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IS3Resource
{
    internal const string EndpointName = "http";

    private EndpointReference? _endpoint;

    public EndpointReference S3Endpoint => _endpoint ??= new(this, EndpointName);

    public string? BucketName { get; set; }

    /// <summary>Where the emulator keeps its objects between runs; null keeps them in memory.</summary>
    public string? DataDirectory { get; set; }
}
