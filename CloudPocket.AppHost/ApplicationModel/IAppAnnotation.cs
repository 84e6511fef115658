namespace CloudPocket.AppHost.ApplicationModel;

/// <summary>
/// Data attached to a resource by the builder extensions. Resources stay thin; the orchestrator reads annotations
/// to decide how to launch, wire, probe and order them.
/// </summary>
#pragma warning disable CA1040 // A marker interface on purpose: annotations share no members, only a role.
public interface IAppAnnotation;
#pragma warning restore CA1040
