using System.Net;
using System.Net.Http.Json;
using Amazon.S3.Model;
using CloudPocket.Api.Files;
using CloudPocket.Api.Storage;
using CloudPocket.Api.Storage.Legacy;
using CloudPocket.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudPocket.Tests.Api;

// The index at start comes from the snapshot and the journal tail; the bucket listing decides. Each test has a
// bucket of its own; a proxy in front of S3 counts the HEADs a start needs.
public abstract class IndexBookkeepingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : S3ApiFixture
{
    private readonly string _bucket = $"ix-{Guid.NewGuid():N}"[..24];

    [Fact]
    public async Task AStartReadsTheSnapshotAndTheJournalTailInsteadOfEveryObject()
    {
        var (before, after) = await StoreAcrossASnapshotAsync();

        var (listed, heads) = await StartAndListAsync();

        Assert.Equal(new[] { before.S3Key, after.S3Key }.Order(), listed.Order());
        Assert.Equal(0, heads);
    }

    [Fact]
    public async Task AStartFromASnapshotIsReadyBeforeTheBucketListingAnswers()
    {
        var (before, after) = await StoreAcrossASnapshotAsync();
        // The keys-only listing answers after a minute; the start waits at most 30 s for /health.
        await using var slow = new LateAnsweringS3Proxy(fixture.S3Endpoint, request =>
        {
            var isKeyListing = request.Query.ContainsKey("list-type") && !request.Query["prefix"].ToString().StartsWith(ReservedPrefix.Root, StringComparison.Ordinal);
            return isKeyListing ? TimeSpan.FromSeconds(60) : TimeSpan.Zero;
        });
        await slow.StartAsync();
        await using var api = Api(("S3:ServiceUrl", slow.Endpoint.ToString()));

        using var client = await StartedClientAsync(api);
        var page = await client.GetFromJsonAsync<FilePageResult>("/files/page?limit=100");

        Assert.Equal(new[] { before.S3Key, after.S3Key }.Order(), page!.Files.Select(f => f.S3Key).Order());
        Assert.False(api.Services.GetRequiredService<FileIndex>().IsReconciled);
    }

    [Fact]
    public async Task WithTheSnapshotDeletedEveryFileIsStillListed()
    {
        var (before, after) = await StoreAcrossASnapshotAsync();
        await DeleteUnderAsync(ReservedPrefix.Snapshots);

        var (listed, _) = await StartAndListAsync();

        Assert.Equal(new[] { before.S3Key, after.S3Key }.Order(), listed.Order());
    }

    [Fact]
    public async Task WithTheJournalAndSnapshotsDeletedEveryFileIsReadFromItsObject()
    {
        var (before, after) = await StoreAcrossASnapshotAsync();
        await DeleteUnderAsync(ReservedPrefix.Root);

        var (listed, heads) = await StartAndListAsync();

        Assert.Equal(new[] { before.S3Key, after.S3Key }.Order(), listed.Order());
        Assert.Equal(2, heads);
    }

    [Fact]
    public async Task AJournalledFileWhoseObjectIsGoneIsNotListedOnceTheListingIsCompared()
    {
        var (before, after) = await StoreAcrossASnapshotAsync();
        await fixture.S3.DeleteObjectAsync(_bucket, after.S3Key);
        Assert.Equal([before.S3Key], await KeysAsync(""));
        // A file newer than the window might be one the listing had not caught up with, and would be kept.
        await Task.Delay(JournalFollower.SkewWindow);

        var (listed, _) = await StartAndListAsync();

        Assert.Equal([before.S3Key], listed);
    }

    [Fact]
    public async Task AnInlineRecordOfTheOldLayoutBecomesOneObjectAtItsKey()
    {
        await using (var creator = Api())
        {
            await StartedClientAsync(creator);
        }

        var file = new FileRecord(StorageKey.New(), "old é.txt", 9, "text/plain", new string('b', 64), new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var recordKey = RecordKey.Format(file, inline: true);
        await fixture.S3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = recordKey, ContentBody = "old bytes" });

        await using var api = Api();
        using var client = await StartedClientAsync(api);

        Assert.Equal("old bytes", await client.GetStringAsync($"/download/{file.S3Key}"));
        Assert.Equal([file.S3Key], await KeysAsync(""));
        Assert.Equal(file with { ETag = null }, (await fixture.ReadStoredFileAsync(_bucket, file.S3Key))! with { ETag = null });
    }

    [Fact]
    public async Task WhatNoJournalToldOfIsFoundOrDroppedByTheNextReconciliation()
    {
        await using var api = Api(("S3:ReconcileInterval", "00:00:01"));
        using var client = await StartedClientAsync(api);
        var gone = await client.UploadAsync("deleted behind its back"u8.ToArray(), "gone.txt");
        // As a replica killed before its journal batch leaves it: the object, and no journal entry.
        var orphan = new FileRecord(StorageKey.New(), "orphan.txt", 6, "text/plain", new string('c', 64), DateTimeOffset.UtcNow);
        var put = new PutObjectRequest { BucketName = _bucket, Key = orphan.S3Key, ContentBody = "orphan" };
        StoredObject.Describe(orphan, put.Headers, put.Metadata);
        await fixture.S3.PutObjectAsync(put);
        await fixture.S3.DeleteObjectAsync(_bucket, gone.S3Key);
        await Task.Delay(JournalFollower.SkewWindow);

        await WaitForAsync(async () =>
            (await client.GetFromJsonAsync<FilePageResult>("/files/page?limit=100"))!.Files.Select(f => f.S3Key).SequenceEqual([orphan.S3Key]));
    }

    [Fact]
    public async Task WhileTheIndexIsRebuiltTheApiIsNotReadyYetRatherThanFailing()
    {
        await using var slow = new LateAnsweringS3Proxy(fixture.S3Endpoint,
            request => HttpMethods.IsGet(request.Method) && request.Query.ContainsKey("list-type") ? TimeSpan.FromSeconds(1) : TimeSpan.Zero);
        await slow.StartAsync();
        await using var api = Api(("S3:ServiceUrl", slow.Endpoint.ToString()), ("S3:CreateBucketIfMissing", "true"));
        using var client = api.CreateClient();

        using var warming = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, warming.StatusCode);
        Assert.Equal("Degraded", await warming.Content.ReadAsStringAsync());
        await WaitForAsync(async () => (await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task ASnapshotLargerThanTheEmulatorsSinglePutLimitIsWrittenAndReadBack()
    {
        await using var api = Api();
        using var client = await StartedClientAsync(api);
        var snapshots = api.Services.GetRequiredService<IndexSnapshot>();
        // Random names keep gzip from shrinking it below fauxqs' 11 MiB cap on one request body.
        var files = Enumerable.Range(0, 120_000)
            .Select(i => new FileRecord(StorageKey.New(), $"{Guid.NewGuid():N}-{i}.bin", i, "application/octet-stream",
                Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), DateTimeOffset.UnixEpoch))
            .ToList();

        await snapshots.WriteAsync(files, journalThrough: null, DateTimeOffset.UtcNow, CancellationToken.None);

        var stored = (await fixture.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = ReservedPrefix.Snapshots })).S3Objects!.Single();
        Assert.True(stored.Size > 11 * 1024 * 1024, $"{stored.Size} bytes");
        Assert.Equal(files.Select(f => f.S3Key), (await snapshots.ReadNewestAsync(CancellationToken.None))!.Files.Select(f => f.S3Key));
    }

    // One file before a snapshot, one after it (in the journal only), then the writing instance is gone.
    private async Task<(UploadResult Before, UploadResult After)> StoreAcrossASnapshotAsync()
    {
        await using var writer = Api(("S3:SnapshotInterval", "00:00:00.2"));
        using var client = await StartedClientAsync(writer);
        var before = await client.UploadAsync("before"u8.ToArray(), "before.txt");
        await WaitForAsync(async () => (await KeysAsync(ReservedPrefix.Snapshots)).Count > 0);
        await using var quiet = Api(("S3:SnapshotInterval", "01:00:00"));
        using var second = await StartedClientAsync(quiet);
        var after = await second.UploadAsync("after"u8.ToArray(), "after.txt");
        await Task.Delay(ChangeJournal.FlushInterval * 5);
        return (before, after);
    }

    private async Task<(IReadOnlyList<string> Listed, int Heads)> StartAndListAsync()
    {
        var heads = 0;
        await using var proxy = new LateAnsweringS3Proxy(fixture.S3Endpoint, request =>
        {
            if (HttpMethods.IsHead(request.Method) && StorageKey.IsValid(request.Path.Value?.Split('/').Last()))
            {
                Interlocked.Increment(ref heads);
            }

            return TimeSpan.Zero;
        });
        await proxy.StartAsync();
        await using var api = Api(("S3:ServiceUrl", proxy.Endpoint.ToString()), ("S3:SnapshotInterval", "01:00:00"));
        using var client = await StartedClientAsync(api);
        await WaitForAsync(() => Task.FromResult(api.Services.GetRequiredService<FileIndex>().IsReconciled));
        var page = await client.GetFromJsonAsync<FilePageResult>("/files/page?limit=100");
        return ([.. page!.Files.Select(f => f.S3Key)], heads);
    }

    private WebApplicationFactory<Program> Api(params (string Key, string Value)[] settings) =>
        fixture.WithWebHostBuilder(b =>
        {
            b.UseSetting("S3:BucketName", _bucket);
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    private static async Task<HttpClient> StartedClientAsync(WebApplicationFactory<Program> api)
    {
        var client = api.CreateClient();
        await WaitForAsync(async () => (await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK);
        return client;
    }

    private async Task<IReadOnlyList<string>> KeysAsync(string prefix)
    {
        var response = await fixture.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix });
        return [.. (response.S3Objects ?? []).Select(o => o.Key).Where(k => prefix.Length > 0 || !k.StartsWith(ReservedPrefix.Root, StringComparison.Ordinal))];
    }

    private async Task DeleteUnderAsync(string prefix)
    {
        foreach (var key in await KeysAsync(prefix))
        {
            await fixture.S3.DeleteObjectAsync(_bucket, key);
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Poll.UntilAsync(condition, timeout.Token);
    }
}

public sealed class IndexBookkeepingTestsOnFauxqs(FilesApiFixture fixture) : IndexBookkeepingTests<FilesApiFixture>(fixture);

public sealed class IndexBookkeepingTestsOnCeph(CephApiFixture fixture) : IndexBookkeepingTests<CephApiFixture>(fixture);
