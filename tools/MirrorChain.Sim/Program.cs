using System.Diagnostics;
using System.Globalization;
using MirrorChain.Core;

namespace MirrorChain.Sim;

/// <summary>
/// tools/sim --seed S --blocks N --accounts A [--txs-per-block T] [--step-seconds D] [--no-replay]: runs the
/// simulation, prints a summary table; exit 0 when every invariant held and the replay matched, 1 on a failure
/// (with its report), 2 on bad arguments.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        SimOptions options;
        bool replay;
        try
        {
            (options, replay) = Parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("usage: tools/sim --seed S --blocks N --accounts A [--txs-per-block T] [--step-seconds D] [--no-replay]");
            return 2;
        }
        return Run(options, replay, Console.Out);
    }

    public static int Run(SimOptions options, bool replay, TextWriter output)
    {
        var sw = Stopwatch.StartNew();
        output.WriteLine($"mirrorchain sim: seed {options.Seed}, {options.Blocks} blocks, {options.Accounts} accounts, {options.TxsPerBlock} txs/block, step {options.BlockStep.TotalSeconds} s");
        output.Flush();
        using var sim = new Simulation(options);
        output.WriteLine($"  genesis ready in {sw.Elapsed.TotalSeconds:F1} s ({sim.Deployment.MAssets.Count} mAssets)");
        output.Flush();
        try
        {
            sim.Run(h =>
            {
                if (h % 500 == 0)
                {
                    output.WriteLine($"  height {h} ({sw.Elapsed.TotalSeconds:F0} s)");
                    output.Flush();
                }
            });
        }
        catch (SimFailure f)
        {
            output.WriteLine(Summary.Table(sim, sw.Elapsed));
            output.WriteLine(f.Report());
            return 1;
        }
        string replayLine = "skipped (--no-replay)";
        if (replay)
        {
            var outcome = sim.Replay();
            if (!outcome.Ok)
            {
                output.WriteLine(Summary.Table(sim, sw.Elapsed));
                output.WriteLine(new SimFailure(options.Seed, outcome.FirstMismatchHeight ?? 0, "replay = original", outcome.Mismatch ?? "", sim.Ring.Items).Report());
                return 1;
            }
            replayLine = $"{outcome.BlocksReplayed} blocks, identical ({outcome.Elapsed.TotalSeconds:F1} s)";
        }
        output.WriteLine(Summary.Table(sim, sw.Elapsed));
        output.WriteLine($"replay            {replayLine}");
        return 0;
    }

    public static (SimOptions Options, bool Replay) Parse(string[] args)
    {
        var o = new SimOptions();
        var replay = true;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seed": o = o with { Seed = ulong.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--blocks": o = o with { Blocks = Positive(Next(), "--blocks") }; break;
                case "--accounts": o = o with { Accounts = Positive(Next(), "--accounts") }; break;
                case "--txs-per-block": o = o with { TxsPerBlock = Positive(Next(), "--txs-per-block") }; break;
                case "--step-seconds": o = o with { BlockStep = TimeSpan.FromSeconds(Positive(Next(), "--step-seconds")) }; break;
                case "--no-replay": replay = false; break;
                default: throw new FormatException($"unknown argument {args[i]}");
            }
        }
        return (o, replay);
    }

    private static int Positive(string s, string name) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new FormatException($"{name} expects a positive integer, got {s}");
}

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
        sb.AppendLine($"stale windows     {sim.Feeder.StaleWindows}; delisted {string.Join(", ", sim.Feeder.Delisted)}");
        sb.AppendLine($"written-off short {(sim.WrittenOffShortDebt.Count == 0 ? "none" : string.Join(", ", sim.WrittenOffShortDebt.Select(kv => $"{sim.Deployment.AssetByToken(kv.Key)?.Symbol} {kv.Value}")))}");
        var tried = sim.Invariants.OfType<MirrorChain.Sim.Invariants.AuctionableInvariant>().Sum(i => i.AuctionsTried);
        sb.AppendLine($"invariants        {sim.Invariants.Count} checked {sim.Stats.InvariantChecks} times ({tried} under-collateralised positions auctioned on a scratch copy)");
        sb.AppendLine($"final app hash    {Hex.Upper(sim.Node.LatestAppHash)} at height {sim.Node.LatestHeight}");
        sb.Append(CultureInfo.InvariantCulture, $"seconds           {elapsed.TotalSeconds:F1} (planning+CheckTx {sim.Stats.PlanTime.Elapsed.TotalSeconds:F1}, blocks {sim.Stats.BlockTime.Elapsed.TotalSeconds:F1}, invariants {sim.Stats.InvariantTime.Elapsed.TotalSeconds:F1})");
        return sb.ToString();
    }
}
