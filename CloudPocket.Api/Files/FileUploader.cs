using CloudPocket.Api.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CloudPocket.Api.Files;

// Reads a multipart/form-data body section by section and streams the one `file` part into S3.
// The whole body is read before anything is committed, so a second `file` part or a truncated body
// leaves nothing stored.
public sealed class FileUploader(S3FileStore store, FileIndex index, TimeProvider clock)
{
    private const string FileField = "file";
    private const string DefaultContentType = "application/octet-stream";
    private const int MaxBoundaryLength = 70;

    public async Task<FileRecord> UploadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(GetBoundary(request.ContentType), request.Body) { BodyLengthLimit = null };
        S3Upload? upload = null;
        string? filename = null;
        try
        {
            while (await ReadNextSectionAsync(reader, cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || !FileField.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, StringComparison.Ordinal))
                {
                    continue;
                }

                if (upload is not null)
                {
                    throw UploadRejectedException.BadRequest("Send exactly one 'file' part; this request has more.");
                }

                filename = ReadFilename(disposition);
                upload = store.BeginUpload(ReadContentType(section.ContentType));
                await CopyAsync(section.Body, upload, cancellationToken);
            }

            if (upload is null || filename is null)
            {
                throw UploadRejectedException.BadRequest("The form has no 'file' part. Send the file as multipart/form-data field 'file'.");
            }

            var sha256 = await upload.CommitAsync(cancellationToken);
            var file = new FileRecord(upload.Key, filename, upload.Size, upload.ContentType, sha256, clock.GetUtcNow());
            await store.SaveRecordAsync(file, cancellationToken);
            index.Add(file);
            return file;
        }
        catch when (upload is not null)
        {
            await upload.AbortAsync();
            throw;
        }
        finally
        {
            if (upload is not null)
            {
                await upload.DisposeAsync();
            }
        }
    }

    private static string GetBoundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Upload the file as multipart/form-data with a field named 'file'.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength)
        {
            throw UploadRejectedException.BadRequest("The multipart boundary is missing or longer than 70 characters.");
        }

        return boundary;
    }

    private static string ReadFilename(ContentDispositionHeaderValue disposition)
    {
        var raw = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value;
        if (string.IsNullOrEmpty(raw))
        {
            raw = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
        }

        return string.IsNullOrEmpty(raw)
            ? throw UploadRejectedException.BadRequest("The 'file' part needs a non-empty filename.")
            : FileNameSanitizer.Sanitize(raw);
    }

    private static string ReadContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType) && mediaType.MediaType.HasValue
            ? mediaType.ToString()
            : DefaultContentType;

    // A body that breaks off or is not valid multipart is the client's error, not the server's.
    private static async Task<MultipartSection?> ReadNextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception e) when (IsMalformedBody(e, cancellationToken))
        {
            throw Malformed(e);
        }
    }

    private static async Task CopyAsync(Stream body, S3Upload upload, CancellationToken cancellationToken)
    {
        while (await ReadAsync(body, upload.GetMemory(), cancellationToken) is > 0 and var read)
        {
            await upload.AdvanceAsync(read, cancellationToken);
        }
    }

    private static async ValueTask<int> ReadAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (IsMalformedBody(e, cancellationToken))
        {
            throw Malformed(e);
        }
    }

    private static bool IsMalformedBody(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is InvalidDataException or IOException;

    // Kestrel says itself when a body is too large (413) or cut short (400).
    private static UploadRejectedException Malformed(Exception e) => e is BadHttpRequestException bad
        ? new UploadRejectedException(bad.StatusCode, "Invalid request body", "The request body was rejected: " + bad.Message)
        : UploadRejectedException.BadRequest("The multipart body is malformed or ends before its closing boundary.");
}
