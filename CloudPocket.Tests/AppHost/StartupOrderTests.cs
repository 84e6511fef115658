using CloudPocket.AppHost.ApplicationModel;
using CloudPocket.AppHost.Orchestration;

namespace CloudPocket.Tests.AppHost;

public class StartupOrderTests
{
    private static ExecutableAppResource Resource(string name, params AppResource[] waitsFor)
    {
        var resource = new ExecutableAppResource(name, "true", ".");
        foreach (var dependency in waitsFor)
        {
            resource.Annotations.Add(new WaitForAnnotation(dependency));
        }

        return resource;
    }

    [Fact]
    public void DependenciesComeBeforeDependentsWhateverTheDeclarationOrder()
    {
        var s3 = Resource("s3");
        var db = Resource("db", s3);
        var api = Resource("api", db, s3);

        var order = StartupOrder.Sort([api, db, s3]);

        Assert.Equal(["s3", "db", "api"], order.Select(r => r.Name));
    }

    [Fact]
    public void IndependentResourcesKeepTheirDeclarationOrder()
    {
        var order = StartupOrder.Sort([Resource("c"), Resource("a"), Resource("b")]);

        Assert.Equal(["c", "a", "b"], order.Select(r => r.Name));
    }

    [Fact]
    public void WaitForCycleIsRejectedNamingTheCycle()
    {
        var a = Resource("a");
        var b = Resource("b", a);
        a.Annotations.Add(new WaitForAnnotation(b));

        var error = Assert.Throws<InvalidOperationException>(() => StartupOrder.Sort([a, b]));

        Assert.Equal("WaitFor cycle: a -> b -> a.", error.Message);
    }

    [Fact]
    public void WaitingForAResourceOutsideTheModelIsRejected()
    {
        var stranger = Resource("stranger");

        var error = Assert.Throws<InvalidOperationException>(() => StartupOrder.Sort([Resource("api", stranger)]));

        Assert.Contains("'api' waits for 'stranger'", error.Message, StringComparison.Ordinal);
    }
}
