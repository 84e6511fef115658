using System.Globalization;
using System.Text;

namespace CloudPocket.Benchmarks;

// One line of the printed table. A row with a target is judged PASS/FAIL; one without is context ("info").
internal sealed record ResultRow(string Workload, string Metric, string Api, string Direct, string Ratio, string Target, bool? Pass);

// Collects rows as the workloads finish and prints them as one Markdown table (it pastes into the README).
internal sealed class ResultTable
{
    private readonly List<ResultRow> _rows = [];

    public IReadOnlyList<ResultRow> Rows => _rows;

    public int Failed => _rows.Count(r => r.Pass == false);

    public int Passed => _rows.Count(r => r.Pass == true);

    public void Add(ResultRow row) => _rows.Add(row);

    // A figure against the direct baseline: higher is better and the ratio must reach minRatio.
    public void AddRatio(string workload, string metric, double api, double direct, string format, double? minRatio)
    {
        // Zero means no run succeeded: no figure, and a failed target.
        api = api > 0 ? api : double.NaN;
        direct = direct > 0 ? direct : double.NaN;
        var ratio = api / direct;
        _rows.Add(new ResultRow(workload, metric, Format(api, format), Format(direct, format), Format(ratio, "0.00") + "×",
            minRatio is { } min ? $"≥ {min:0.0#}×" : "", minRatio is { } m ? ratio >= m : null));
    }

    // An API-only figure that must stay below a limit (memory, latency, time).
    public void AddLimit(string workload, string metric, double value, string format, double limit, string unit) =>
        _rows.Add(new ResultRow(workload, metric, Format(value, format) + " " + unit, "—", "—", $"< {Format(limit, "0.##")} {unit}", value < limit));

    public void AddInfo(string workload, string metric, string api, string direct = "—", string ratio = "—") =>
        _rows.Add(new ResultRow(workload, metric, api, direct, ratio, "", null));

    public string Render(string header)
    {
        var text = new StringBuilder(header).AppendLine().AppendLine();
        text.AppendLine("| Workload | Metric | API | Direct S3 | API / direct | Target | Result |");
        text.AppendLine("|---|---|--:|--:|--:|---|---|");
        foreach (var row in _rows)
        {
            var result = row.Pass switch { true => "PASS", false => "**FAIL**", null => "info" };
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {Cell(row.Workload)} | {Cell(row.Metric)} | {Cell(row.Api)} | {Cell(row.Direct)} | {Cell(row.Ratio)} | {Cell(row.Target)} | {result} |");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Targets: {Passed} PASS, {Failed} FAIL.");
        return text.ToString();
    }

    // A log line or error message must not break the table.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    public static string Format(double value, string format) => double.IsNaN(value) ? "—" : value.ToString(format, CultureInfo.InvariantCulture);
}
