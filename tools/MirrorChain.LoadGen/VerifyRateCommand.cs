using System.Globalization;

namespace MirrorChain.LoadGen;

/// <summary><c>verify-rate</c>: prints the all-core secp256k1 verify rate (<see cref="VerifyRate"/>).</summary>
internal static class VerifyRateCommand
{
    public const string Usage = """
        mirrorchain-loadgen verify-rate: verifies pre-made secp256k1 signatures with the project's libsecp256k1
        binding on every core for a while and prints "verify_sps=<signatures per second>".

          --seconds S    how long (default 2.5)
          --threads T    threads (default: one per core)
        """;

    internal sealed record Options
    {
        public double Seconds { get; init; } = 2.5;
        public int Threads { get; init; }
        public bool Help { get; init; }
    }

    public static Options Parse(IReadOnlyList<string> args) => CommandLineFlags.Fold(args, new Options(), static (o, f) => f.Name switch
    {
        "-h" or "--help" => o with { Help = true },
        "--seconds" => o with { Seconds = LoadGenOptions.Seconds(f, 600) },
        "--threads" => o with { Threads = f.Int(1, 1024) },
        _ => throw f.Unknown(),
    });

    public static int Run(Options o)
    {
        var threads = o.Threads > 0 ? o.Threads : Environment.ProcessorCount;
        var rate = VerifyRate.Measure(TimeSpan.FromSeconds(o.Seconds), threads);
        Console.WriteLine($"verify_sps={rate.ToString("F0", CultureInfo.InvariantCulture)}");
        Console.Error.WriteLine($"[loadgen] {rate:N0} signatures/s on {threads} threads over {o.Seconds.ToString(CultureInfo.InvariantCulture)} s");
        return 0;
    }
}
