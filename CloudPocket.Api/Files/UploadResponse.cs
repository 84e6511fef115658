using CloudPocket.Api.Storage;
using System.Text.Json.Serialization;

namespace CloudPocket.Api.Files;

// The seed's upload answer: the file's metadata with "status" first.
public sealed record UploadResponse : FileMetadata
{
    private UploadResponse(FileMetadata metadata)
        : base(metadata)
    {
    }

    [JsonPropertyOrder(-1)]
    public string Status { get; } = "uploaded";

    public static UploadResponse Uploaded(FileRecord file) => new(From(file));
}
