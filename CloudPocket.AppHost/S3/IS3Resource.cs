namespace Aspire.Hosting.ApplicationModel;

/// <summary>An S3 server the AppHost runs (the emulator, LocalStack): where it answers and which bucket it holds.</summary>
public interface IS3Resource : IResourceWithEndpoints
{
    /// <summary>The S3 endpoint (plain HTTP on loopback).</summary>
    EndpointReference S3Endpoint { get; }

    /// <summary>The bucket that exists whenever the server is healthy, once <c>WithBucket</c> named one.</summary>
    string? BucketName { get; set; }

    /// <summary>
    /// True for a server without flexible checksums: clients must calculate and validate checksums only where an
    /// operation requires them (the API's <c>S3:RequestChecksumCalculation</c> and <c>S3:ResponseChecksumValidation</c>).
    /// </summary>
    bool ChecksumsOnlyWhenRequired => false;
}
