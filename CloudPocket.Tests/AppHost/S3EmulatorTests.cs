using System.Net;
using CloudPocket.AppHost.Testing;

namespace CloudPocket.Tests.AppHost;

public class S3EmulatorTests
{
    [Fact]
    public async Task EmulatorStartsWithItsBucketKeepsObjectsAcrossARestartAndLeavesNoProcess()
    {
        using var timeout = new CancellationTokenSource(TestModels.Timeout);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var emulator = await TestingS3Emulator.StartAsync("apphost-test", timeout.Token);
        int firstPid;
        try
        {
            var endpoint = emulator.Endpoint;
            firstPid = emulator.ProcessId!.Value;
            using (var bucket = await http.GetAsync(new Uri(endpoint, "apphost-test"), timeout.Token))
            {
                Assert.Equal(HttpStatusCode.OK, bucket.StatusCode);
            }

            using (var put = await http.PutAsync(new Uri(endpoint, "apphost-test/kept.txt"), new StringContent("still here"), timeout.Token))
            {
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }

            await emulator.StopAsync(timeout.Token);
            Assert.Equal("Exited", emulator.State);
            Assert.False(ProcessProbe.IsAlive(firstPid));

            await emulator.StartAsync(timeout.Token);
            Assert.Equal("Healthy", emulator.State);
            Assert.Equal(endpoint, emulator.Endpoint);
            Assert.Equal("still here", await http.GetStringAsync(new Uri(endpoint, "apphost-test/kept.txt"), timeout.Token));
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }

        var secondPid = emulator.ProcessId!.Value;
        await emulator.DisposeAsync();

        Assert.NotEqual(firstPid, secondPid);
        Assert.False(ProcessProbe.IsAlive(secondPid));
    }
}
