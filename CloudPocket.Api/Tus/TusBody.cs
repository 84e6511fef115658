using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Storage;

namespace CloudPocket.Api.Tus;

// Reads a PATCH body into the upload, never past the upload's length.
internal static class TusBody
{
    /// <summary>Returns true when the client went away before the body's end (what came is in the upload).</summary>
    public static async Task<bool> CopyAsync(
        Stream body, TusAppend append, ResumableUpload upload, TusChecksum? checksum, CancellationToken requestAborted, CancellationToken storage)
    {
        var remaining = upload.Length - upload.Offset;
        while (true)
        {
            int read;
            try
            {
                read = await body.ReadAsync(append.GetMemory(), requestAborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                throw Problems.UploadBeyondLength(upload.Length);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                return true;
            }

            if (read == 0)
            {
                return false;
            }

            if (append.Received + read > remaining)
            {
                throw Problems.UploadBeyondLength(upload.Length);
            }

            await append.AdvanceAsync(read, checksum, storage);
        }
    }
}
