namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>The fauxqs S3 emulator, run by Node.js from the AppHost's node_modules.</summary>
public sealed class S3EmulatorResource(string name, string nodeCommand, string appHostDirectory)
    : ExecutableAppResource(name, nodeCommand, appHostDirectory)
{
    /// <summary>The bucket ensured after every (re)start, before the emulator is reported Healthy.</summary>
    public string? BucketName { get; set; }

    /// <summary>Absolute folder where objects persist, so they survive a restart of the emulator.</summary>
    public required string DataDirectory { get; set; }
}
