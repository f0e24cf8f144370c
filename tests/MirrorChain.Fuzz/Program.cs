using System.Diagnostics;
using System.Globalization;
using MirrorChain.Fuzz;
using MirrorChain.Fuzz.Engine;

// tools/fuzz --target NAME|all --seed S --iterations N [--out DIR] | --target NAME --replay FILE | --list
string? target = null, replay = null;
ulong seed = 1;
long iterations = 10_000;
var outDir = Path.Combine(Directory.GetCurrentDirectory(), "fuzz-findings");
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--target": target = Next(); break;
        case "--seed": seed = ulong.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--iterations": iterations = long.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--out": outDir = Next(); break;
        case "--replay": replay = Next(); break;
        case "--list":
            Console.WriteLine(string.Join("\n", FuzzTargets.Names));
            return 0;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}\nusage: tools/fuzz --target NAME|all [--seed S] [--iterations N] [--out DIR] | --target NAME --replay FILE | --list");
            return 2;
    }
}
if (target is null)
{
    Console.Error.WriteLine("--target is required (--list shows the targets)");
    return 2;
}

using var world = DevnetWorld.Create();
if (replay is not null)
{
    var problem = FuzzRunner.Replay(FuzzTargets.Create(target, world), File.ReadAllBytes(replay));
    Console.WriteLine(problem is null ? $"{target}: {replay} is handled cleanly" : $"{target}: {replay}\n{problem}");
    return problem is null ? 0 : 1;
}

var names = target == "all" ? FuzzTargets.Names : [target];
var totalInputs = 0L;
var totalEscapes = 0;
foreach (var name in names)
{
    var t = FuzzTargets.Create(name, world);
    var watch = Stopwatch.StartNew();
    var report = FuzzRunner.Run(t, seed, iterations, progress: n => Console.Error.Write($"\r{name}: {n} inputs"));
    Console.Error.Write("\r");
    totalInputs += report.Inputs;
    totalEscapes += report.Findings.Count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: seed {seed}, {report.Inputs} inputs run, {report.Findings.Count} escapes found ({watch.Elapsed.TotalSeconds:F1} s)"));
    if (t is IFuzzStats stats)
    {
        Console.WriteLine("  " + stats.Stats);
    }
    foreach (var f in report.Findings)
    {
        var file = FuzzRunner.SaveReproducer(f, outDir);
        var firstLine = f.Problem.Split('\n')[0];
        Console.WriteLine($"  ESCAPE seed {f.Seed} iteration {f.Iteration}: {firstLine}\n    reproducer: {file}\n    replay: tools/fuzz --target {f.Target} --replay {file}");
    }
}
Console.WriteLine($"total: {totalInputs} inputs run, {totalEscapes} escapes found");
return totalEscapes == 0 ? 0 : 1;
