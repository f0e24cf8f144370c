using System.Globalization;
using MirrorChain.LoadGen;

namespace MirrorChain.CrashTest;

/// <summary>Command-line settings of the crash test.</summary>
internal sealed record CrashTestOptions
{
    public const string Usage = """
        mirrorchain-crashtest: runs a real node under bank-send load, kills it with SIGKILL at seeded random moments,
        restarts it and checks that nothing a client saw committed was lost; at the end replays the chain.

          --cli PATH           the mirrorchain CLI assembly (mirrorchain.dll) to run with `dotnet` (required)
          --cycles N           kill/restart cycles (default 20)
          --seed S             seed of the kill schedule (default: from the clock; printed either way)
          --block-time D       node block interval (default 200ms)
          --senders K          accounts that sign: validator, test1 … test10 (1-11, default 11)
          --pause-ms MS        pause of each sender between two txs (default 0: one broadcast_tx_commit at a time)
          --dir DIR            where the node home (DIR/home) and node log (DIR/node.log) go (default: a fresh
                               temporary directory); must be empty or absent
          --keep               keep the home and logs even when the run passes
          --self-test-drop-wal after the last cycle's kill, delete the node's RocksDB write-ahead log before the
                               restart (simulates losing recent writes): the run must then FAIL, proving the
                               checks notice lost blocks and txs
          --ready-timeout S    seconds to wait for a (re)started node to answer (default 60)
        Exit code: 0 when every check passed; 1 when one failed; 2 on a usage or setup error.
        """;

    public string? Cli { get; init; }

    public int Cycles { get; init; } = 20;

    public int? Seed { get; init; }

    public string BlockTime { get; init; } = "200ms";

    public int Senders { get; init; } = DevnetKeys.Names.Count;

    public int PauseMs { get; init; }

    public string? Dir { get; init; }

    public bool Keep { get; init; }

    public bool SelfTestDropWal { get; init; }

    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public bool Help { get; init; }

    /// <summary>The block interval in milliseconds ("200ms", "1s", "1.5s").</summary>
    public int BlockTimeMs => ParseDurationMs(BlockTime);

    /// <summary>The tools/crashtest flags that give this run's schedule and load again.</summary>
    public string ReproduceArgs(int seed)
    {
        var defaults = new CrashTestOptions();
        var args = new List<string> { "--cycles", Cycles.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture) };
        if (BlockTime != defaults.BlockTime)
        {
            args.AddRange(["--block-time", BlockTime]);
        }
        if (Senders != defaults.Senders)
        {
            args.AddRange(["--senders", Senders.ToString(CultureInfo.InvariantCulture)]);
        }
        if (PauseMs != defaults.PauseMs)
        {
            args.AddRange(["--pause-ms", PauseMs.ToString(CultureInfo.InvariantCulture)]);
        }
        if (SelfTestDropWal)
        {
            args.Add("--self-test-drop-wal");
        }
        return string.Join(' ', args);
    }

    /// <exception cref="FormatException">An unknown flag or a bad value; the message says which.</exception>
    public static CrashTestOptions Parse(IReadOnlyList<string> args)
    {
        var o = CommandLineFlags.Fold(args, new CrashTestOptions(), static (o, f) => f.Name switch
        {
            "-h" or "--help" => o with { Help = true },
            "--cli" => o with { Cli = f.Value() },
            "--cycles" => o with { Cycles = f.Int(1, 10_000) },
            "--seed" => o with { Seed = f.Int(0, int.MaxValue) },
            "--block-time" => o with { BlockTime = f.Value() },
            "--senders" => o with { Senders = f.Int(1, DevnetKeys.Names.Count) },
            "--pause-ms" => o with { PauseMs = f.Int(0, 60_000) },
            "--dir" => o with { Dir = f.Value() },
            "--keep" => o with { Keep = true },
            "--self-test-drop-wal" => o with { SelfTestDropWal = true },
            "--ready-timeout" => o with { ReadyTimeout = TimeSpan.FromSeconds(f.Int(1, 3600)) },
            _ => throw f.Unknown(),
        });
        if (!o.Help)
        {
            if (o.Cli is null)
            {
                throw new FormatException("--cli PATH is required");
            }
            _ = o.BlockTimeMs;
        }
        return o;
    }

    private static int ParseDurationMs(string text)
    {
        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : throw new FormatException($"--block-time must look like 200ms or 1s, got '{text}'");
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value * scale < 10 || value * scale > 60_000)
        {
            throw new FormatException($"--block-time must be between 10ms and 60s, got '{text}'");
        }
        return (int)(value * scale);
    }
}
