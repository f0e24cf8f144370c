using System.Diagnostics;

namespace MirrorChain.LoadGen;

/// <summary><c>make-genesis</c>: the bench chain's genesis file (<see cref="BenchGenesis"/>, keys from <see cref="BenchKeys"/>).</summary>
internal static class MakeGenesisCommand
{
    public const string Usage = """
        mirrorchain-loadgen make-genesis: writes a bench genesis = a base genesis (default: the built-in devnet,
        genesis/devnet.json) plus N accounts whose keys derive from a seed, each funded with 1,000,000 LUNA and
        1,000,000 UST. Key i = (SHA-256(UTF-8(seed) || uint32_be(i)) mod (n-1)) + 1, n = the secp256k1 order.

          --accounts N   extra accounts (default 10000)
          --seed TEXT    key seed (default mirrorchain-bench)
          --base PATH    base genesis (default: genesis/devnet.json found upwards from here or the program)
          --out PATH     where to write it (required)
        Then: mirrorchain init --home HOME --genesis PATH
        """;

    internal sealed record Options
    {
        public int Accounts { get; init; } = 10_000;
        public string Seed { get; init; } = BenchKeys.DefaultSeed;
        public string? Base { get; init; }
        public string? Out { get; init; }
        public bool Help { get; init; }
    }

    public static Options Parse(IReadOnlyList<string> args)
    {
        var o = CommandLineFlags.Fold(args, new Options(), static (o, f) => f.Name switch
        {
            "-h" or "--help" => o with { Help = true },
            "--accounts" => o with { Accounts = f.Int(0, 10_000_000) },
            "--seed" => o with { Seed = f.Value() },
            "--base" => o with { Base = f.Value() },
            "--out" => o with { Out = f.Value() },
            _ => throw f.Unknown(),
        });
        if (!o.Help && o.Out is null)
        {
            throw new FormatException("make-genesis needs --out PATH");
        }
        return o;
    }

    public static int Run(Options o)
    {
        var timer = Stopwatch.StartNew();
        var basePath = o.Base ?? RepoFile.Locate("genesis/devnet.json")
            ?? throw new FileNotFoundException("genesis/devnet.json not found upwards from the current directory or the program; pass --base PATH");
        var keys = BenchKeys.Keys(o.Seed, o.Accounts);
        var json = BenchGenesis.Build(File.ReadAllText(basePath), [.. keys.Select(k => k.Address)]);
        File.WriteAllText(o.Out!, json);
        Console.Error.WriteLine($"[loadgen] wrote {o.Out}: {basePath} + {o.Accounts} accounts of seed '{o.Seed}' in {timer.Elapsed.TotalSeconds:F2} s");
        return 0;
    }
}
