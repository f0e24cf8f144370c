using System.Globalization;
using MirrorChain.Core;

namespace MirrorChain.Sim;

/// <summary>The summary table: txs by op and result code, invariants checked, final app hash, seconds.</summary>
public static class Summary
{
    public static string Table(Simulation sim, TimeSpan elapsed)
    {
        var sb = new System.Text.StringBuilder();
        var codes = sim.Stats.ByOp.Values.SelectMany(m => m.Keys).Distinct().OrderBy(k => k == "ok" ? "" : k, StringComparer.Ordinal).ToList();
        sb.AppendLine();
        sb.Append(CultureInfo.InvariantCulture, $"{"op",-22}{"max gas",10}");
        foreach (var c in codes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{c,10}");
        }
        sb.AppendLine();
        foreach (var (op, m) in sim.Stats.ByOp)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{op,-22}{(sim.Stats.MaxGasUsed.TryGetValue(op, out var g) ? g.ToString(CultureInfo.InvariantCulture) : "."),10}");
            foreach (var c in codes)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{(m.TryGetValue(c, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "."),10}");
            }
            sb.AppendLine();
        }
        if (sim.Stats.FirstLogs.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("first failure log per op / result:");
            foreach (var (k, v) in sim.Stats.FirstLogs)
            {
                sb.AppendLine($"  {k}: {v}");
            }
        }
        sb.AppendLine();
        sb.AppendLine($"blocks            {sim.Stats.Blocks}");
        sb.AppendLine($"txs committed     {sim.Stats.TxsCommitted} ({sim.Stats.TxsOk} ok)");
        sb.AppendLine($"stale windows     {sim.Feeder.StaleWindows}; delisted {(sim.Feeder.Delisted.Count == 0 ? "none" : string.Join(", ", sim.Feeder.Delisted))}");
        sb.AppendLine($"written-off short {(sim.WrittenOffShortDebt.Count == 0 ? "none" : string.Join(", ", sim.WrittenOffShortDebt.Select(kv => $"{sim.Deployment.AssetByToken(kv.Key)?.Symbol} {kv.Value}")))}");
        sb.AppendLine($"mint dust         {(sim.MintDust.Count == 0 ? "none" : string.Join(", ", sim.MintDust.Select(kv => $"{kv.Value}{kv.Key}")))}");
        var tried = sim.Invariants.OfType<MirrorChain.Sim.Invariants.AuctionableInvariant>().Sum(i => i.AuctionsTried);
        sb.AppendLine($"invariants        {sim.Invariants.Count} checked {sim.Stats.InvariantChecks} times ({tried} under-collateralised positions auctioned on a scratch copy)");
        sb.AppendLine($"final app hash    {Hex.Upper(sim.Node.LatestAppHash)} at height {sim.Node.LatestHeight}");
        sb.Append(CultureInfo.InvariantCulture, $"seconds           {elapsed.TotalSeconds:F1} (planning+CheckTx {sim.Stats.PlanTime.Elapsed.TotalSeconds:F1}, blocks {sim.Stats.BlockTime.Elapsed.TotalSeconds:F1}, invariants {sim.Stats.InvariantTime.Elapsed.TotalSeconds:F1})");
        return sb.ToString();
    }
}
