using System.Text;
using CloudPocket.AppHost.ApplicationModel;

namespace CloudPocket.AppHost.Diagnostics;

/// <summary>The resource / state / URL table printed once everything is healthy.</summary>
internal static class ResourceTable
{
    public static string Format(IEnumerable<ResourceSnapshot> snapshots)
    {
        string[] header = ["Resource", "State", "URL"];
        var rows = snapshots
            .Select(s => new[] { s.Name, s.State.ToString(), s.Endpoint?.ToString().TrimEnd('/') ?? "-" })
            .Prepend(header)
            .ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var table = new StringBuilder();
        foreach (var row in rows)
        {
            table.AppendLine(("  " + string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c])))).TrimEnd());
        }

        return table.ToString().TrimEnd();
    }
}
