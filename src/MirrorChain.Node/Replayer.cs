using System.Diagnostics;
using MirrorChain.Core;
using MirrorChain.Storage;

namespace MirrorChain.Node;

/// <summary>
/// Re-executes every stored block of a chain from genesis into a fresh state and checks, at every height, that
/// the header's app hash (state after the previous block) and the stored results' app hash (state after this
/// block) are reproduced, and that tx results are identical. A block over the genesis limits (max_bytes,
/// max_gas) is reported as the first mismatch. The target is a scratch store: it runs without the event indexer
/// (<see cref="NodeOptions.IndexEvents"/> off), which is not state and plays no part in the comparison.
/// </summary>
public sealed class Replayer(IKeyValueStore source, GenesisDoc genesis, Func<IChainApplication> appFactory)
{
    public sealed record Progress(long Height, long Target, double BlocksPerSecond);

    public sealed record Outcome(long BlocksReplayed, long? FirstMismatchHeight, string? Mismatch, TimeSpan Elapsed)
    {
        public bool Ok => FirstMismatchHeight is null;

        public double BlocksPerSecond => Elapsed.TotalSeconds > 0 ? BlocksReplayed / Elapsed.TotalSeconds : 0;
    }

    /// <summary>Replays into <paramref name="target"/> (an empty store), reporting progress every <paramref name="reportEvery"/> blocks.</summary>
    public Outcome Run(IKeyValueStore target, Action<Progress>? progress = null, int reportEvery = 100, CancellationToken ct = default)
    {
        var stored = new BlockStore(source);
        var last = stored.LatestHeight;
        var sw = Stopwatch.StartNew();
        using var node = ChainNode.Open(target, genesis, appFactory(), new NodeOptions { SyncWrites = false, IndexEvents = false });
        long done = 0;
        for (var h = 1L; h <= last; h++)
        {
            ct.ThrowIfCancellationRequested();
            var block = stored.GetBlock(h) ?? throw new InvalidDataException($"block {h} is missing from the store");
            var expected = stored.GetResults(h) ?? throw new InvalidDataException($"results of block {h} are missing");
            if (!block.Header.AppHash.AsSpan().SequenceEqual(node.LatestAppHash))
            {
                return new Outcome(done, h, $"header app hash {Hex.Upper(block.Header.AppHash)} != replayed state before the block {Hex.Upper(node.LatestAppHash)}", sw.Elapsed);
            }
            PendingBlock prepared;
            try
            {
                prepared = node.PrepareStoredBlock(block);
            }
            catch (InvalidBlockException e)
            {
                return new Outcome(done, h, e.Message, sw.Elapsed); // over the genesis block limits
            }
            using var pending = prepared;
            var mismatch = Compare(expected, pending.Results);
            if (mismatch is not null)
            {
                return new Outcome(done, h, mismatch, sw.Elapsed);
            }
            pending.Commit();
            done++;
            if (progress is not null && (h % reportEvery == 0 || h == last))
            {
                progress(new Progress(h, last, sw.Elapsed.TotalSeconds > 0 ? done / sw.Elapsed.TotalSeconds : 0));
            }
        }
        return new Outcome(done, null, null, sw.Elapsed);
    }

    private static string? Compare(BlockResults expected, BlockResults actual)
    {
        if (expected.TxResults.Count != actual.TxResults.Count)
        {
            return $"tx count {actual.TxResults.Count} != stored {expected.TxResults.Count}";
        }
        for (var i = 0; i < expected.TxResults.Count; i++)
        {
            var e = expected.TxResults[i];
            var a = actual.TxResults[i];
            if (e.Code != a.Code || e.GasUsed != a.GasUsed || !e.Data.AsSpan().SequenceEqual(a.Data) || e.Log != a.Log)
            {
                return $"tx {i}: replayed code {a.Code} gas {a.GasUsed} log '{a.Log}' != stored code {e.Code} gas {e.GasUsed} log '{e.Log}'";
            }
        }
        if (!expected.AppHash.AsSpan().SequenceEqual(actual.AppHash))
        {
            return $"app hash {Hex.Upper(actual.AppHash)} != stored {Hex.Upper(expected.AppHash)}";
        }
        return null;
    }
}
