using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MirrorChain.Benchmarks;

internal static class Program
{
    /// <summary>
    /// BenchmarkDotNet's switcher (<c>--filter '*Signature*'</c>, <c>--job short</c>, <c>--list flat</c>, …), plus
    /// <c>--repeat N</c>: run the whole selection N times and print the median of each benchmark's mean.
    /// </summary>
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var (repeat, rest) = TakeRepeat(args);
        if (repeat < 1)
        {
            Console.Error.WriteLine("--repeat needs a positive integer");
            return 2;
        }
        // Built before BenchmarkDotNet starts: building 1M accounts can outlast the in-process toolchain's time limit.
        StateGrowthFixture.BuildIfSelected(rest);
        var passes = new List<IReadOnlyList<Summary>>();
        for (var pass = 1; pass <= repeat; pass++)
        {
            if (repeat > 1)
            {
                Console.WriteLine($"// ===== pass {pass} of {repeat} =====");
            }
            passes.Add([.. BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest)]);
        }
        if (repeat > 1)
        {
            Console.WriteLine();
            Console.Write(MedianTable.Format(passes));
        }
        var failed = passes.SelectMany(p => p).SelectMany(s => s.Reports).Count(r => !r.Success);
        return failed == 0 ? 0 : 1;
    }

    private static (int Repeat, string[] Remaining) TakeRepeat(string[] args)
    {
        var repeat = 1;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--repeat" && i + 1 < args.Length)
            {
                repeat = int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            }
            else if (args[i].StartsWith("--repeat=", StringComparison.Ordinal))
            {
                repeat = int.TryParse(args[i]["--repeat=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            }
            else
            {
                rest.Add(args[i]);
            }
        }
        return (repeat, [.. rest]);
    }
}
