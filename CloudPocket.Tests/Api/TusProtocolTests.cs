using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using CloudPocket.Api.Storage;
using CloudPocket.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudPocket.Tests.Api;

// tus 1.0.0 at /tus/ against a real emulator, with 5 MiB parts (FilesApiFixture), so a few MiB cross part boundaries.
public class TusProtocolTests(FilesApiFixture fixture) : IClassFixture<FilesApiFixture>
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task AFileSentInPatchesThatCrossPartBoundariesIsStoredWholeAndHeadNamesItsKey()
    {
        using var client = fixture.CreateClient();
        var bytes = RandomNumberGenerator.GetBytes(12 * MiB + 321);
        var location = await client.CreateAsync(bytes.Length, "dir/../report \u202Efdp.exe");

        foreach (var (from, to) in new[] { (0, 3 * MiB), (3 * MiB, 10 * MiB + 7), (10 * MiB + 7, bytes.Length) })
        {
            using var patched = await client.PatchAsync(location, from, bytes[from..to]);
            Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
            Assert.Equal(to.ToString(CultureInfo.InvariantCulture), Tus.Header(patched, "Upload-Offset"));
            Assert.Equal(to == bytes.Length, Tus.Header(patched, "CloudPocket-S3-Key") is not null);
        }

        using var head = await client.SendAsync(Tus.Head(location));
        var key = Tus.Header(head, "CloudPocket-S3-Key");
        Assert.NotNull(key);
        Assert.Equal("no-store", head.Headers.CacheControl?.ToString());
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/download/{key}"));
        var stored = await fixture.ReadStoredFileAsync(key);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored?.Sha256);
        Assert.Equal("report fdp.exe", stored?.Filename);
        Assert.Contains("report fdp.exe", (await client.GetFromJsonAsync<string[]>("/files/"))!);
        Assert.Equal([ResumableUploadStore.StateKey(Id(location))], await ObjectsOfAsync(location));
    }

    [Fact]
    public async Task APatchAtAnotherOffsetThanTheUploadsIsRefusedWith409()
    {
        using var client = fixture.CreateClient();
        var location = await client.CreateAsync(100);
        (await client.PatchAsync(location, 0, new byte[10])).Dispose();

        using var response = await client.PatchAsync(location, 5, new byte[10]);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(10, await client.OffsetAsync(location));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0.2.2")]
    public async Task ARequestWithoutTusResumable100IsRefusedWith412(string? version)
    {
        using var client = fixture.CreateClient();
        var location = await client.CreateAsync(100);

        using var response = await client.SendAsync(Tus.Patch(location, 0, Tus.Bytes(new byte[10]), version));

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("1.0.0", Tus.Header(response, "Tus-Version"));
        Assert.Equal(0, await client.OffsetAsync(location));
    }

    [Fact]
    public async Task APatchOfAnotherContentTypeIsRefusedWith415()
    {
        using var client = fixture.CreateClient();
        var location = await client.CreateAsync(100);

        using var response = await client.SendAsync(Tus.Patch(location, 0, new ByteArrayContent(new byte[10])));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("1.0.0", Tus.Header(response, "Tus-Resumable"));
    }

    [Theory]
    [InlineData("sha1")]
    [InlineData("sha256")]
    public async Task APatchThatDoesNotMatchItsChecksumIs460AndLeavesTheOffsetWhereItWas(string algorithm)
    {
        using var client = fixture.CreateClient();
        var bytes = RandomNumberGenerator.GetBytes(7 * MiB);
        var location = await client.CreateAsync(bytes.Length);
        (await client.PatchAsync(location, 0, bytes[..MiB])).Dispose();
        var corrupted = bytes[MiB..].ToArray();
        corrupted[^1] ^= 1;

        using var refused = await client.SendAsync(WithChecksum(Tus.Patch(location, MiB, corrupted), algorithm, bytes[MiB..]));
        var offsetAfterRefusal = await client.OffsetAsync(location);
        using var accepted = await client.SendAsync(WithChecksum(Tus.Patch(location, MiB, bytes[MiB..]), algorithm, bytes[MiB..]));

        Assert.Equal(460, (int)refused.StatusCode);
        Assert.Equal(MiB, offsetAfterRefusal);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/download/{Tus.Header(accepted, "CloudPocket-S3-Key")}"));
    }

    [Fact]
    public async Task ATerminatedUploadIsGoneWithItsBytes()
    {
        using var client = fixture.CreateClient();
        var location = await client.CreateAsync(20 * MiB);
        (await client.PatchAsync(location, 0, RandomNumberGenerator.GetBytes(6 * MiB))).Dispose();

        using var terminated = await client.SendAsync(Tus.Delete(location));
        using var head = await client.SendAsync(Tus.Head(location));
        using var patch = await client.PatchAsync(location, 6 * MiB, new byte[10]);

        Assert.Equal(HttpStatusCode.NoContent, terminated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        await patch.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await ObjectsOfAsync(location));
    }

    [Fact]
    public async Task AnExpiredUploadIsRefusedWith410AndTheSweepAbortsItsMultipartUploadAndRemovesFinishedRecords()
    {
        await using var shortLived = fixture.WithWebHostBuilder(b => b.UseSetting("Tus:UploadLifetime", "00:00:01"));
        using var client = shortLived.CreateClient();
        var location = await client.CreateAsync(20 * MiB);
        (await client.PatchAsync(location, 0, RandomNumberGenerator.GetBytes(6 * MiB))).Dispose();
        var uploadId = (await ReadStateAsync(location)).GetProperty("upload_id").GetString();
        var finished = await client.CreateAsync(10);
        (await client.PatchAsync(finished, 0, new byte[10])).Dispose();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var patch = await client.PatchAsync(location, 6 * MiB, new byte[10]);
        using var head = await client.SendAsync(Tus.Head(location));
        using var finishedHead = await client.SendAsync(Tus.Head(finished));
        var sweeper = shortLived.Services.GetServices<IHostedService>().OfType<AbandonedUploadSweeper>().Single();
        await sweeper.SweepAsync(shortLived.Services.GetRequiredService<IOptions<S3Options>>().Value, CancellationToken.None);

        await patch.AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal(HttpStatusCode.Gone, head.StatusCode);
        Assert.NotNull(uploadId);
        var abortedPart = await Assert.ThrowsAsync<AmazonS3Exception>(() => fixture.S3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = fixture.Bucket,
            Key = ResumableUploadStore.DataKey(Id(location)),
            UploadId = uploadId,
            PartNumber = 2,
            InputStream = new MemoryStream(new byte[10]),
        }));
        Assert.Equal("NoSuchUpload", abortedPart.ErrorCode);
        Assert.Empty(await ObjectsOfAsync(location));
        Assert.Equal(HttpStatusCode.Gone, finishedHead.StatusCode);
        Assert.Empty(await ObjectsOfAsync(finished));
    }

    [Fact]
    public async Task AnUploadOverTheSizeLimitOrAPatchPastItsLengthIsRefusedWith413()
    {
        using var client = fixture.CreateClient();
        var location = await client.CreateAsync(100);

        using var tooLarge = await client.SendAsync(Tus.Create((5L * 1024 * MiB) + 1));
        using var pastTheEnd = await client.PatchAsync(location, 0, new byte[101]);

        await tooLarge.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await pastTheEnd.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await client.OffsetAsync(location));
    }

    [Fact]
    public async Task OfTwoPatchesAtOnceOneIsRefusedWhileTheOtherWritesAndTheFileHasTheWinnersBytes()
    {
        // Over Kestrel, where a request reaches the API while its body is still coming (the test server buffers it).
        await using var kestrel = new KestrelServer(fixture);
        using var client = kestrel.CreateClient();
        var first = RandomNumberGenerator.GetBytes(8 * MiB);
        var second = RandomNumberGenerator.GetBytes(8 * MiB);
        var location = await client.CreateAsync(first.Length);
        using var gate = new GatedContent(first, MiB);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var winner = client.SendAsync(Tus.Patch(location, 0, Tus.Body(gate)), timeout.Token);
        await gate.FirstChunkReadAsync.WaitAsync(timeout.Token);
        await Poll.UntilAsync(async () => (await ReadStateAsync(location)).TryGetProperty("lock", out _), timeout.Token);
        using var loser = await client.PatchAsync(location, 0, second, timeout.Token);
        gate.Open();
        using var won = await winner;

        await loser.AssertProblemAsync(HttpStatusCode.Locked);
        Assert.Equal(HttpStatusCode.NoContent, won.StatusCode);
        Assert.Equal(first, await client.GetByteArrayAsync($"/download/{Tus.Header(won, "CloudPocket-S3-Key")}", timeout.Token));
    }

    [Fact]
    public async Task APatchWhoseClientGoesAwayKeepsWhatArrivedAndTheUploadResumesFromThere()
    {
        await using var kestrel = new KestrelServer(fixture);
        using var client = kestrel.CreateClient();
        var bytes = RandomNumberGenerator.GetBytes(12 * MiB);
        var location = await client.CreateAsync(bytes.Length);
        using var gate = new GatedContent(bytes, 7 * MiB);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var broken = client.SendAsync(Tus.Patch(location, 0, Tus.Body(gate)), timeout.Token);
        await gate.FirstChunkReadAsync.WaitAsync(timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
        gate.BreakOff();
        await Assert.ThrowsAnyAsync<Exception>(() => broken);
        long kept = 0;
        await Poll.UntilAsync(async () => (await ReadStateAsync(location)) is var state && !state.TryGetProperty("lock", out _)
            && (kept = state.GetProperty("offset").GetInt64()) > 0, timeout.Token);
        using var rest = await client.PatchAsync(location, kept, bytes[(int)kept..], timeout.Token);

        Assert.InRange(kept, 1, 7 * MiB);
        Assert.Equal(HttpStatusCode.NoContent, rest.StatusCode);
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/download/{Tus.Header(rest, "CloudPocket-S3-Key")}", timeout.Token));
    }

    [Fact]
    public async Task OfTwoPatchesSentTogetherExactlyOneIsTakenAndTheBytesAreRight()
    {
        using var client = fixture.CreateClient();
        var bytes = RandomNumberGenerator.GetBytes(11 * MiB);
        var location = await client.CreateAsync(bytes.Length);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PatchAsync(location, 0, bytes[..(7 * MiB)])));
        var statuses = responses.Select(r => r.StatusCode).Order().ToList();
        using var last = await client.PatchAsync(location, 7 * MiB, bytes[(7 * MiB)..]);

        Assert.Equal(HttpStatusCode.NoContent, statuses[0]);
        Assert.Contains(statuses[1], new[] { HttpStatusCode.Conflict, HttpStatusCode.Locked });
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/download/{Tus.Header(last, "CloudPocket-S3-Key")}"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task CreationWithUploadAndAnEmptyUploadAreCommittedAtOnce()
    {
        using var client = fixture.CreateClient();
        using var withBody = Tus.Create(3, "abc.txt", "text/plain");
        withBody.Content = Tus.Bytes("abc"u8.ToArray());

        using var created = await client.SendAsync(withBody);
        using var empty = await client.SendAsync(Tus.Create(0, "empty.txt"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("3", Tus.Header(created, "Upload-Offset"));
        var stored = await fixture.ReadStoredFileAsync(Tus.Header(created, "CloudPocket-S3-Key")!);
        Assert.Equal(("abc.txt", "text/plain", 3L), (stored?.Filename, stored?.ContentType, stored?.Size));
        Assert.Equal(HttpStatusCode.Created, empty.StatusCode);
        Assert.Empty(await client.GetByteArrayAsync($"/download/{Tus.Header(empty, "CloudPocket-S3-Key")}"));
    }

    [Theory]
    [InlineData("Upload-Length", "-1")]
    [InlineData("Upload-Length", "99999999999999999999")]
    [InlineData("Upload-Metadata", "filename not*base64")]
    [InlineData("Upload-Metadata", "filename YQ==,filename Yg==")]
    [InlineData("Upload-Defer-Length", "1")]
    public async Task ACreationWithAMalformedOrUnsupportedHeaderIsRefusedWith400(string header, string value)
    {
        using var client = fixture.CreateClient();
        using var request = Tus.Create(10);
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("Upload-Offset", "abc")]
    [InlineData("Upload-Checksum", "md5 AAAA")]
    [InlineData("Upload-Checksum", "sha256 not*base64")]
    public async Task APatchWithAMalformedOrUnsupportedHeaderIsRefusedWith400AndChangesNothing(string header, string value)
    {
        using var client = fixture.CreateClient();
        var location = await client.CreateAsync(10);
        using var request = Tus.Patch(location, 0, new byte[10]);
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await client.OffsetAsync(location));
    }

    [Fact]
    public async Task OptionsTellsTheVersionExtensionsAlgorithmsAndLimit()
    {
        using var client = fixture.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/tus/"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("1.0.0", Tus.Header(response, "Tus-Version"));
        Assert.Equal("creation,creation-with-upload,termination,checksum,expiration", Tus.Header(response, "Tus-Extension"));
        Assert.Equal("sha1,sha256", Tus.Header(response, "Tus-Checksum-Algorithm"));
        Assert.Equal((5L * 1024 * MiB).ToString(CultureInfo.InvariantCulture), Tus.Header(response, "Tus-Max-Size"));
    }

    [Fact]
    public async Task WithApiKeysConfiguredTusWantsOneToo()
    {
        await using var keyed = fixture.WithWebHostBuilder(b => b.UseSetting("Access:ApiKeys:0", "tus-test-key"));
        using var client = keyed.CreateClient();

        using var without = await client.SendAsync(Tus.Create(10));
        using var with = Tus.Create(10);
        with.Headers.Add("X-Api-Key", "tus-test-key");
        using var created = await client.SendAsync(with);

        await without.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task CreationsAndPatchesCountAgainstTheUploadRateLimit()
    {
        await using var limited = fixture.WithWebHostBuilder(b => b.UseSetting("Uploads:PermitsPerMinute", "2"));
        using var client = limited.CreateClient();
        var location = await client.CreateAsync(20);
        (await client.PatchAsync(location, 0, new byte[10])).Dispose();

        using var refused = await client.PatchAsync(location, 10, new byte[10]);

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(10, await client.OffsetAsync(location));
    }

    private static HttpRequestMessage WithChecksum(HttpRequestMessage request, string algorithm, byte[] of)
    {
#pragma warning disable CA5350 // tus clients send sha1 checksums; they guard against corruption in transit, not against an attacker.
        var digest = algorithm == "sha1" ? SHA1.HashData(of) : SHA256.HashData(of);
#pragma warning restore CA5350
        request.Headers.Add("Upload-Checksum", $"{algorithm} {Convert.ToBase64String(digest)}");
        return request;
    }

    private static string Id(string location) => location[(location.LastIndexOf('/') + 1)..];

    private async Task<IReadOnlyList<string>> ObjectsOfAsync(string location) =>
        (await fixture.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = fixture.Bucket, Prefix = ResumableUploadStore.Folder(Id(location)) }))
            .S3Objects?.Select(o => o.Key).ToList() ?? [];

    private async Task<JsonElement> ReadStateAsync(string location)
    {
        using var state = await fixture.S3.GetObjectAsync(fixture.Bucket, ResumableUploadStore.StateKey(Id(location)));
        using var json = await JsonDocument.ParseAsync(state.ResponseStream);
        return json.RootElement.Clone();
    }
}
