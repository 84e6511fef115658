namespace Aspire.Hosting.ApplicationModel;

/// <summary>LocalStack's AWS emulator in a container; CloudPocket uses its S3.</summary>
public class LocalStackResource(string name, ParameterResource authToken) : ContainerResource(name), IS3Resource
{
    internal const string EndpointName = "http";

    private EndpointReference? _endpoint;

    /// <summary>LocalStack's auth token (<c>LOCALSTACK_AUTH_TOKEN</c>), a secret parameter.</summary>
    public ParameterResource AuthToken { get; } = authToken;

    public EndpointReference S3Endpoint => _endpoint ??= new(this, EndpointName);

    public string? BucketName { get; set; }
}
