using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace MirrorChain.Benchmarks;

/// <summary>Across repeated passes: each benchmark's median mean, the min–max of the pass means, and allocations.</summary>
internal static class MedianTable
{
    public static string Format(IReadOnlyList<IReadOnlyList<Summary>> passes)
    {
        var rows = new Dictionary<string, (string Type, string Method, string Params, List<double> Means, long? Allocated)>();
        var order = new List<string>();
        foreach (var report in passes.SelectMany(p => p).SelectMany(s => s.Reports))
        {
            var c = report.BenchmarkCase;
            var type = c.Descriptor.Type.Name;
            var method = c.Descriptor.WorkloadMethod.Name;
            var parameters = string.Join(", ", c.Parameters.Items.Select(p => $"{p.Name}={p.Value}"));
            var key = $"{type}|{method}|{parameters}";
            if (!rows.TryGetValue(key, out var row))
            {
                row = (type, method, parameters, [], null);
                order.Add(key);
            }
            if (report.Success && report.ResultStatistics is { } stats)
            {
                row.Means.Add(stats.Mean);
                row.Allocated ??= report.GcStats.GetBytesAllocatedPerOperation(c);
            }
            rows[key] = row;
        }

        var table = new List<string[]> { new[] { "Class", "Method", "Params", "Median", "Min", "Max", "Passes", "Allocated" } };
        foreach (var key in order)
        {
            var (type, method, parameters, means, allocated) = rows[key];
            means.Sort();
            table.Add(
            [
                type, method, parameters,
                means.Count == 0 ? "NA" : Time(Median(means)),
                means.Count == 0 ? "NA" : Time(means[0]),
                means.Count == 0 ? "NA" : Time(means[^1]),
                means.Count.ToString(CultureInfo.InvariantCulture),
                allocated is { } a ? Bytes(a) : "-",
            ]);
        }
        var widths = Enumerable.Range(0, table[0].Length).Select(i => table.Max(r => r[i].Length)).ToArray();
        var sb = new StringBuilder();
        sb.Append("// ===== medians over ").Append(passes.Count).Append(" passes (mean of each pass; time per operation) =====\n");
        for (var r = 0; r < table.Count; r++)
        {
            sb.Append("| ");
            for (var i = 0; i < widths.Length; i++)
            {
                var right = i >= 3 && i != 6;
                sb.Append(right ? table[r][i].PadLeft(widths[i]) : table[r][i].PadRight(widths[i])).Append(" | ");
            }
            sb.Length--;
            sb.Append('\n');
            if (r == 0)
            {
                sb.Append('|');
                for (var i = 0; i < widths.Length; i++)
                {
                    var right = i >= 3 && i != 6;
                    sb.Append(right ? new string('-', widths[i] + 1) + ":|" : new string('-', widths[i] + 2) + "|");
                }
                sb.Append('\n');
            }
        }
        sb.Append("// ===== end of medians =====\n");
        return sb.ToString();
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private static string Time(double ns) => ns switch
    {
        >= 1e6 => (ns / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (ns / 1e3).ToString("F2", CultureInfo.InvariantCulture) + " us",
        _ => ns.ToString("F1", CultureInfo.InvariantCulture) + " ns",
    };

    private static string Bytes(long b) => b switch
    {
        >= 1 << 20 => (b / 1048576.0).ToString("F2", CultureInfo.InvariantCulture) + " MB",
        >= 1 << 10 => (b / 1024.0).ToString("F2", CultureInfo.InvariantCulture) + " KB",
        _ => b.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
