using System.Diagnostics;
using System.Globalization;

namespace CloudPocket.Benchmarks;

// Progress goes to stderr so stdout carries only the result table (it can be piped into the README as is).
internal static class Progress
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Say(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Clock.Elapsed:mm\\:ss}] {message}"));
}
