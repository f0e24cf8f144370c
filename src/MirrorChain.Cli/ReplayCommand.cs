using System.Globalization;
using MirrorChain.Node;
using MirrorChain.Storage;

namespace MirrorChain.Cli;

/// <summary>
/// mirrorchain replay: re-executes every stored block from genesis into a fresh temporary state and checks the
/// app hash at every height. Exit 0 when all match; 1 naming the first mismatching height.
/// </summary>
public static class ReplayCommand
{
    /// <summary>Blocks the read-ahead worker may prepare before execution needs them.</summary>
    public const int DefaultLookahead = 4;

    public static int Run(HomeLayout home, TextWriter output, CancellationToken ct, int lookahead = DefaultLookahead)
    {
        if (lookahead is < 0 or > 1000)
        {
            output.WriteLine($"error: --lookahead must be between 0 and 1000, got {lookahead}");
            return 2;
        }
        if (!home.IsInitialized || !Directory.Exists(home.Data))
        {
            output.WriteLine($"error: no chain data in {home.Root} (run a devnet there first)");
            return 2;
        }
        var genesis = GenesisDoc.Load(home.Genesis);
        using var source = RocksDbStore.Open(home.Data);
        var target = Path.Combine(Path.GetTempPath(), "mirrorchain-replay-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var fresh = RocksDbStore.Open(target);
            var last = new BlockStore(source).LatestHeight;
            output.WriteLine(lookahead == 0
                ? $"replaying {last} blocks of {genesis.ChainId} from {home.Data} (sequential)"
                : $"replaying {last} blocks of {genesis.ChainId} from {home.Data} (signatures checked up to {lookahead} blocks ahead)");
            var replayer = new Replayer(source, genesis, () => AppFactory.Create()) { Lookahead = lookahead };
            var outcome = replayer.Run(fresh, p =>
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  height {p.Height}/{p.Target}  {p.BlocksPerSecond:F0} blocks/s")),
                reportEvery: Math.Max(1, (int)Math.Min(1000, last / 20 + 1)), ct);
            if (!outcome.Ok)
            {
                output.WriteLine($"MISMATCH at height {outcome.FirstMismatchHeight}: {outcome.Mismatch}");
                return 1;
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ok: {outcome.BlocksReplayed} blocks replayed, every app hash matches ({outcome.BlocksPerSecond:F0} blocks/s, {outcome.Elapsed.TotalSeconds:F2} s)"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
        }
    }
}
