using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.Tests.AppHost;

public class ResourceStateRulesTests
{
    [Theory]
    [InlineData(ResourceState.Running, true, 0, ResourceState.Healthy)]
    [InlineData(ResourceState.Running, false, 5, ResourceState.Running)]
    [InlineData(ResourceState.Healthy, false, 1, ResourceState.Healthy)]
    [InlineData(ResourceState.Healthy, false, 2, ResourceState.Unhealthy)]
    [InlineData(ResourceState.Unhealthy, true, 0, ResourceState.Healthy)]
    [InlineData(ResourceState.Stopping, true, 0, ResourceState.Stopping)]
    [InlineData(ResourceState.Exited, true, 0, ResourceState.Exited)]
    public void ProbeResultsMoveOnlyLiveProcessesBetweenHealthyAndUnhealthy(ResourceState current, bool healthy, int failures, ResourceState expected) =>
        Assert.Equal(expected, ResourceStateRules.AfterProbe(current, healthy, failures));

    [Theory]
    [InlineData(false, false, ResourceState.FailedToStart)]
    [InlineData(false, true, ResourceState.Exited)]
    [InlineData(true, false, ResourceState.Exited)]
    [InlineData(true, true, ResourceState.Exited)]
    public void ExitingUnaskedBeforeEverBeingHealthyIsAFailureToStart(bool stopRequested, bool becameHealthy, ResourceState expected) =>
        Assert.Equal(expected, ResourceStateRules.AfterExit(stopRequested, becameHealthy));
}
