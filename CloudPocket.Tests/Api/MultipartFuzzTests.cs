using System.Net.Http.Json;
using System.Text;
using CloudPocket.Api.Storage;
using CloudPocket.Tests.Api;
using CloudPocket.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CloudPocket.Tests.Api;

// Seeded, so a failure replays: random multipart bodies and filenames never get a 5xx, and every object in the
// bucket afterwards belongs to an upload that was answered 200.
public class MultipartFuzzTests(FilesApiFixture fixture) : IClassFixture<FilesApiFixture>
{
    private const int Cases = 2000;
    private const int Seed = 20261126;
    private static readonly string[] Fragments =
    [
        "\r\n", "--", RawMultipart.Boundary, "Content-Disposition: form-data; ", "name=\"file\"", "name=file", "; filename=\"",
        "filename*=UTF-8''", "\"", ";", "Content-Type: text/plain", "%00", "%0D%0A", "..", "/", "\\", "\0", "é", "🎉", "\u202E",
        "<b>", "x", "=", ":", " ", "--\r\n",
    ];

    [Fact]
    public async Task RandomMultipartBodiesNeverCauseServerErrorsOrPartialObjects()
    {
        // The upload rate limit would turn most cases into 429s; this test is about the parser, not the limiter.
        using var factory = fixture.WithWebHostBuilder(b => b.UseSetting("Uploads:PermitsPerMinute", "1000000"));
        using var client = factory.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var random = new Random(Seed);
        var accepted = new List<string>();

        for (var i = 0; i < Cases; i++)
        {
            using var response = await client.PostAsync("/upload/", RawMultipart.Body(RandomBody(random, i)), timeout.Token);

            Assert.True((int)response.StatusCode < 500, $"case {i} answered {(int)response.StatusCode}");
            if (response.IsSuccessStatusCode)
            {
                accepted.Add((await response.Content.ReadFromJsonAsync<UploadResult>(timeout.Token))!.S3Key);
            }
        }

        // Each accepted upload is exactly one object, at its key; nothing else outside the service's reserved prefix.
        Assert.Equal(accepted.Order(), (await fixture.ListBucketKeysAsync()).Order());
    }

    // Half the cases are well-formed uploads with random names, half are random fragments glued together.
    private static string RandomBody(Random random, int index)
    {
        var body = new StringBuilder();
        if (index % 2 == 0)
        {
            var name = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Fragments[random.Next(Fragments.Length)]));
            var parameter = random.Next(2) == 0 ? RawMultipart.QuotedFilename(name) : RawMultipart.EncodedFilename(name);
            body.Append("--" + RawMultipart.Boundary + "\r\nContent-Disposition: form-data; name=\"file\"; " + parameter + "\r\n\r\n");
            body.Append(new string('z', random.Next(0, 300)));
            return body.Append("\r\n--" + RawMultipart.Boundary + "--\r\n").ToString();
        }

        for (var j = random.Next(0, 40); j > 0; j--)
        {
            body.Append(Fragments[random.Next(Fragments.Length)]);
        }

        return body.ToString();
    }
}
