using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Storage;
using CloudPocket.Api.Telemetry;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CloudPocket.Api.Files;

// Reads a multipart/form-data body section by section and streams the one `file` part into S3.
// The whole body is read before anything is committed, so a second `file` part or a truncated body
// leaves nothing stored.
public sealed partial class FileUploader(
    S3FileStore store, FileIndex index, TimeProvider clock, IOptions<UploadOptions> options,
    FileTransferMetrics metrics, ILogger<FileUploader> logger)
{
    private const string FileField = "file";
    private const string DefaultContentType = "application/octet-stream";
    private const int MaxBoundaryLength = 70;

    public async Task<FileRecord> UploadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var limits = options.Value;
        var reader = new MultipartReader(GetBoundary(request.ContentType), request.Body)
        {
            BodyLengthLimit = null,
            HeadersLengthLimit = limits.MaxPartHeadersBytes,
        };
        S3Upload? upload = null;
        string? filename = null;
        var parts = 0;
        try
        {
            while (await ReadNextSectionAsync(reader, cancellationToken) is { } section)
            {
                if (++parts > limits.MaxFormParts)
                {
                    throw Problems.InvalidUpload($"The form has more than {limits.MaxFormParts} parts.");
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || !FileField.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, StringComparison.Ordinal))
                {
                    continue;
                }

                if (upload is not null)
                {
                    throw Problems.InvalidUpload("Send exactly one 'file' part; this request has more.");
                }

                filename = ReadFilename(disposition);
                upload = store.BeginUpload(ReadContentType(section.ContentType));
                await CopyAsync(section.Body, upload, limits.MaxFileSizeBytes, cancellationToken);
            }

            if (upload is null || filename is null)
            {
                throw Problems.InvalidUpload("The form has no 'file' part. Send the file as multipart/form-data field 'file'.");
            }

            var file = await store.CommitAsync(
                upload, new FileRecord(upload.Key, filename, upload.Size, upload.ContentType, upload.ComputeSha256(), clock.GetUtcNow()), cancellationToken);
            index.Add(file);
            metrics.Uploaded(file.Size, clock.GetElapsedTime(started));
            LogStored(file.Filename, file.S3Key, file.Size);
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
            throw Problems.UnsupportedMediaType();
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength)
        {
            throw Problems.InvalidUpload("The multipart boundary is missing or longer than 70 characters.");
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
            ? throw Problems.InvalidUpload("The 'file' part needs a non-empty filename.")
            : FileNameSanitizer.Sanitize(raw);
    }

    // Capped at 255 UTF-8 bytes, the longest type/subtype RFC 6838 allows (127 + "/" + 127) and far above what
    // clients send: the content type is stored in the record's S3 key, which must stay within
    // S3's 1024-byte limit with a 255-byte filename beside it (Storage/RecordKey has the sum). A longer one is
    // stored as generic bytes, as an unparsable one is.
    internal static string ReadContentType(string? contentType)
    {
        const int maxBytes = 255;
        var parsed = MediaTypeHeaderValue.TryParse(contentType, out var mediaType) && mediaType.MediaType.HasValue
            ? mediaType.ToString()
            : null;
        return parsed is not null && System.Text.Encoding.UTF8.GetByteCount(parsed) <= maxBytes ? parsed : DefaultContentType;
    }

    // A body that breaks off or is not valid multipart is the client's error, not the server's.
    private async Task<MultipartSection?> ReadNextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
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

    // Counted while streaming, so a chunked body without Content-Length is held to the same limit.
    private async Task CopyAsync(Stream body, S3Upload upload, long maxBytes, CancellationToken cancellationToken)
    {
        while (await ReadAsync(body, upload.GetMemory(), cancellationToken) is > 0 and var read)
        {
            if (upload.Size + read > maxBytes)
            {
                throw Problems.FileTooLarge(maxBytes);
            }

            await upload.AdvanceAsync(read, cancellationToken);
        }
    }

    private async ValueTask<int> ReadAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
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

    // Kestrel says itself when a body is over the limit (413) or cut short (400).
    private ProblemException Malformed(Exception e) => e switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problems.FileTooLarge(options.Value.MaxFileSizeBytes),
        BadHttpRequestException bad => Problems.InvalidRequestBody(bad.StatusCode),
        _ => Problems.InvalidUpload("The multipart body is malformed, has over-long part headers, or ends before its closing boundary."),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Filename} as {S3Key} ({Size} bytes)")]
    private partial void LogStored(string filename, string s3Key, long size);
}
