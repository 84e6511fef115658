using Microsoft.Extensions.Configuration;

namespace CloudPocket.AppHost.S3;

/// <summary>Where the API's bucket lives, chosen with the AppHost setting <c>S3:Backend</c>.</summary>
internal enum S3Backend
{
    /// <summary>fauxqs from npm, run by the AppHost: the default.</summary>
    Emulator,

    /// <summary>LocalStack in a container: needs Docker or Podman.</summary>
    LocalStack,

    /// <summary>Ceph's RADOS Gateway, a real S3 server, on a private single-node cluster: needs Debian's Ceph packages.</summary>
    Ceph,

    /// <summary>Real AWS S3: no emulator, region and bucket as parameters, credentials from the AWS default chain.</summary>
    Aws,
}

internal static class S3BackendConfiguration
{
    public const string Key = "S3:Backend";

    /// <exception cref="InvalidOperationException">The setting names no backend; the message lists them.</exception>
    public static S3Backend GetS3Backend(this IConfiguration configuration) =>
        configuration[Key] switch
        {
            null or "" or "emulator" => S3Backend.Emulator,
            "localstack" => S3Backend.LocalStack,
            "ceph" => S3Backend.Ceph,
            "aws" => S3Backend.Aws,
            var other => throw new InvalidOperationException($"{Key}={other} is not a backend: use emulator, localstack, ceph or aws."),
        };
}
