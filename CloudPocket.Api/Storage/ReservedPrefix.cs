namespace CloudPocket.Api.Storage;

// Everything of the service's own lives under one prefix that no file key can have (keys are base32, never '.'):
// large uploads being staged, the change journal, the index snapshots, resumable (tus) uploads
// in progress and the share links. Nothing else is written to the bucket.
public static class ReservedPrefix
{
    public const string Root = ".cloudpocket/";
    public const string Uploads = Root + "uploads/";
    public const string Journal = Root + "journal/";
    public const string Snapshots = Root + "snapshots/";
    public const string Tus = Root + "tus/";
    public const string Links = Root + "links/";
}
