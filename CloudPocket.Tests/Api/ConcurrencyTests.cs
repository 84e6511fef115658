using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using CloudPocket.Api.Storage;
using CloudPocket.Tests.Api;
using CloudPocket.Tests.Support;

namespace CloudPocket.Tests.Api;

public abstract class ConcurrencyTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : S3ApiFixture
{
    [Fact]
    public async Task HundredConcurrentUploadsAreAllStoredAndIndexAndBucketAgree()
    {
        using var client = fixture.CreateClient();
        var files = Enumerable.Range(0, 100).Select(i => (Name: $"c{i}.bin", Bytes: RandomNumberGenerator.GetBytes(1000 + (i * 997)))).ToList();

        var uploads = await Task.WhenAll(files.Select(async f =>
        {
            using var response = await client.PostAsync("/upload/", Multipart.File(f.Bytes, f.Name));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<UploadResult>())!;
        }));

        var bucket = (await fixture.ListBucketKeysAsync()).ToHashSet();
        var listed = (await client.GetFromJsonAsync<string[]>("/files/"))!;
        foreach (var (file, upload) in files.Zip(uploads))
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file.Bytes)), upload.Sha256);
            Assert.Contains(upload.S3Key, bucket);
            Assert.Equal(file.Name, (await fixture.ReadStoredFileAsync(upload.S3Key))?.Filename);
            Assert.Contains(file.Name, listed);
        }

        await Parallel.ForEachAsync(files.Zip(uploads), async (pair, ct) =>
            Assert.Equal(pair.First.Bytes, await client.GetByteArrayAsync($"/download/{pair.Second.S3Key}", ct)));
    }

    [Fact]
    public async Task TwentyConcurrentUploadsOfTheSameNameGetTwentyKeys()
    {
        using var client = fixture.CreateClient();

        var uploads = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.UploadAsync([(byte)i], "same-name.txt")));

        Assert.Equal(20, uploads.Select(u => u.S3Key).Distinct().Count());
        Assert.All(uploads, u => Assert.Equal("same-name.txt", u.Filename));
        Assert.Equal(20, (await client.GetFromJsonAsync<string[]>("/files/"))!.Count(n => n == "same-name.txt"));
    }
}

public sealed class ConcurrencyTestsOnFauxqs(FilesApiFixture fixture) : ConcurrencyTests<FilesApiFixture>(fixture);

public sealed class ConcurrencyTestsOnCeph(CephApiFixture fixture) : ConcurrencyTests<CephApiFixture>(fixture);
