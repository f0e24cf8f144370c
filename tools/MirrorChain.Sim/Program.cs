using System.Diagnostics;
using System.Globalization;

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
        var replayLine = "skipped (--no-replay)";
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
