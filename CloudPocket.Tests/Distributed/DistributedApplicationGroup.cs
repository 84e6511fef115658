namespace CloudPocket.Tests.Distributed;

[CollectionDefinition(Name)]
public sealed class DistributedApplicationGroup : ICollectionFixture<CloudPocketAppFixture>
{
    public const string Name = "Distributed application";
}
