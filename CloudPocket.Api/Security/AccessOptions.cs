namespace CloudPocket.Api.Security;

// Who may use the files endpoints. Keys come from the environment or user-secrets (Access__ApiKeys__0=…), never from the repo.
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    public List<string> ApiKeys { get; set; } = [];

    // Without keys the API serves anyone who can reach it, so it listens only on loopback unless this says otherwise.
    public bool AllowAnonymous { get; set; }
}
