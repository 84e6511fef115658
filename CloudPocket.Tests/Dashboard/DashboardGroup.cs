namespace CloudPocket.Tests.Dashboard;

// One application and one browser for all dashboard tests, which run one at a time: some stop and restart resources.
[CollectionDefinition(Name)]
public sealed class DashboardGroup : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard in a browser";
}
