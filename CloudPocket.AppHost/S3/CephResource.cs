namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A private single-node Ceph cluster with the RADOS Gateway (S3), run by the AppHost's launcher script
/// (<c>ceph/ceph-rgw.sh</c>: one mon, one memstore OSD and radosgw on loopback).
/// </summary>
public class CephResource(string name, string workingDirectory)
    : ExecutableResource(name, "bash", workingDirectory), IS3Resource
{
    internal const string EndpointName = "http";

    private EndpointReference? _endpoint;

    public EndpointReference S3Endpoint => _endpoint ??= new(this, EndpointName);

    public string? BucketName { get; set; }

    /// <summary>The folder that holds the cluster (its ceph.conf, the monitor's store, the OSD's data, the logs).</summary>
    public string? DataDirectory { get; set; }

    // Pacific's RGW has no flexible checksums: uploads must be signed by their SHA-256 alone.
    public bool ChecksumsOnlyWhenRequired => true;
}
