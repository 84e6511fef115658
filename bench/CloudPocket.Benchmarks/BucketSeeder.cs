using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using CloudPocket.Api.Storage;

namespace CloudPocket.Benchmarks;

// Writes files as the API stores a small upload: one object at its key, described by StoredObject (Content-Type,
// Content-Disposition, the user metadata), with a small body. No journal: a bucket seeded this way is one whose
// journal the snapshot has made unneeded and pruned, as it is after any long-running service.
internal static class BucketSeeder
{
    public const int Concurrency = 32;

    // Seeds records[from..to), keeping the ETag each PUT answered in the record (what a HEAD would read back).
    public static async Task<TimeSpan> SeedAsync(IAmazonS3 s3, string bucket, FileRecord[] records, int from, int to, CancellationToken cancellationToken)
    {
        Progress.Say($"index: writing files {from:N0} to {to:N0} to bucket {bucket} ({Concurrency} concurrent PUTs)");
        var clock = Stopwatch.StartNew();
        var done = 0;
        var step = Math.Max(1, Math.Min(100_000, (to - from) / 10));
        await Parallel.ForEachAsync(Enumerable.Range(from, to - from), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var file = records[i];
                var put = new PutObjectRequest { BucketName = bucket, Key = file.S3Key, InputStream = new MemoryStream(IndexRecords.Body(file.S3Key)) };
                StoredObject.Describe(file, put.Headers, put.Metadata);
                records[i] = file with { ETag = (await s3.PutObjectAsync(put, ct)).ETag };
                if (Interlocked.Increment(ref done) % step == 0)
                {
                    Progress.Say($"index: {from + done:N0} of {to:N0} written, {done / clock.Elapsed.TotalSeconds:0} PUT/s");
                }
            });
        return clock.Elapsed;
    }
}
