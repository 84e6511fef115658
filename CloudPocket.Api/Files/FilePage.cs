namespace CloudPocket.Api.Files;

// A page of the detailed listing, newest first. NextCursor is null on the last page.
public sealed record FilePage(IReadOnlyList<FileMetadata> Files, string? NextCursor);
