namespace CloudPocket.Api.Storage;

// A conditional write of a resumable upload's state found it changed by another request.
public sealed class LostRaceException() : Exception("Another request changed the upload first.");
