namespace CloudPocket.AppHost.Orchestration;

/// <summary>The node command to run the emulator with, or the one line saying why there is none.</summary>
internal sealed record NodeRuntime(string Command, string? Problem);
