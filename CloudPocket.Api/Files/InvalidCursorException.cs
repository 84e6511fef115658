namespace CloudPocket.Api.Files;

public sealed class InvalidCursorException() : Exception("The cursor is not one this service handed out.");
