using CloudPocket.AppHost.Dashboard;

namespace CloudPocket.Tests.Dashboard;

public class DashboardSettingsTests
{
    [Fact]
    public void WithNothingSetTheDashboardIsOnAtPort18888() =>
        Assert.Equal(new DashboardSettings(true, 18888), DashboardSettings.Read([]));

    [Fact]
    public void TheCommandLineSetsThePortAndCanTurnItOff() =>
        Assert.Equal(new DashboardSettings(false, 0), DashboardSettings.Read(["--Dashboard:Port=0", "--Dashboard:Enabled=false"]));

    [Fact]
    public void APortThatIsNotANumberIsRefusedWithTheSettingsName()
    {
        var error = Assert.Throws<FormatException>(() => DashboardSettings.Read(["--Dashboard:Port=eighty"]));
        Assert.Contains("Dashboard:Port", error.Message, StringComparison.Ordinal);
    }
}
