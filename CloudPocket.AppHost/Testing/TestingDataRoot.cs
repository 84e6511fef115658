namespace CloudPocket.AppHost.Testing;

/// <summary>A fresh temp folder per test host, so tests never share or keep emulator data.</summary>
internal static class TestingDataRoot
{
    public static string Create() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cloudpocket-apphost-" + Guid.NewGuid().ToString("N")[..12])).FullName;

    public static void Delete(string path)
    {
        // A process that just exited may still be releasing files: try a few times, then give up quietly (it is temp).
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }
}
