using CloudPocket.AppHost.Orchestration;

namespace CloudPocket.Tests.AppHost;

public class NodeVersionTests
{
    [Theory]
    [InlineData("v24.21.0", true)]
    [InlineData("v22.5.0", true)]
    [InlineData("v23.0.0\n", true)]
    [InlineData("v22.4.1", false)]
    [InlineData("v20.20.2", false)]
    [InlineData("not a version", false)]
    [InlineData(null, false)]
    public void OnlyNode22Point5AndLaterCanRunFauxqs(string? version, bool supported) =>
        Assert.Equal(supported, NodeVersion.IsSupported(version));
}
