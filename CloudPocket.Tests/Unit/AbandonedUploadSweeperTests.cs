using Amazon.S3.Model;
using CloudPocket.Api.Storage;

namespace CloudPocket.Tests.Unit;

public class AbandonedUploadSweeperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static MultipartUpload Upload(string key, double hoursAgo) =>
        new() { Key = key, UploadId = key + "-id", Initiated = Now.AddHours(-hoursAgo).UtcDateTime };

    [Fact]
    public void OnlyThisServicesUploadsOlderThanTheAgeAreAbandoned()
    {
        var staged = ReservedPrefix.Uploads + StorageKey.New();
        var unstaged = StorageKey.New();
        var recent = ReservedPrefix.Uploads + StorageKey.New();
        var uploads = new[]
        {
            Upload(staged, 30), Upload(unstaged, 30), Upload(recent, 1), Upload("someone-elses/file.bin", 30),
            Upload("records/x.json", 48), Upload(ReservedPrefix.Uploads + "not-a-key", 48),
        };

        var abandoned = AbandonedUploadSweeper.Abandoned(uploads, Now, TimeSpan.FromHours(24)).Select(u => u.Key);

        Assert.Equal([staged, unstaged], abandoned);
    }
}
