using CloudPocket.Api.Security;

namespace CloudPocket.Tests.Unit;

public class ListenAddressesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://127.8.9.10:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("https://[::1]:5001", true)]
    [InlineData("http://0.0.0.0:5000", false)]
    [InlineData("http://*:5000", false)]
    [InlineData("http://+:5000", false)]
    [InlineData("http://[::]:5000", false)]
    [InlineData("http://192.168.1.20:5000", false)]
    [InlineData("http://example.com:5000", false)]
    public void LoopbackIsOnlyLocalhostAndLoopbackAddresses(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.IsLoopback(url));
}
