using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Api;

// The API in process against a real fauxqs emulator, with its own bucket per fixture.
public sealed class FilesApiFixture : S3ApiFixture
{
    protected override async Task<IS3Server> StartServerAsync(string bucket, CancellationToken cancellationToken) =>
        await S3EmulatorProcess.StartAsync(bucket, cancellationToken);
}
