using System.Diagnostics;
using MirrorChain.Core;
using MirrorChain.Storage;

namespace MirrorChain.Node;

/// <summary>
/// Re-executes every stored block of a chain from genesis into a fresh state and checks, at every height, that
/// the header's app hash (state after the previous block) and the stored results' app hash (state after this
/// block) are reproduced, and that every tx result is identical (code, codespace, log, info, data, gas wanted and
/// used, events). A block over the genesis limits (max_bytes, max_gas) is reported as the first mismatch.
/// <para>
/// Pipelined (<see cref="Lookahead"/> &gt; 0): a worker reads and decodes the next blocks and reads their stored results
/// while the current one executes, and their signatures are checked on one thread fewer than the cores
/// (<see cref="ReplayVerifierThreads"/>; the executing thread checks what they have not reached when it gets there);
/// execution and commits stay in height order on the calling thread, and the signature
/// answers execution sees are the sequential path's (<see cref="ChainNode.PrepareStoredBlock(Block, bool[], IReadOnlyList{Tx.TxEnvelope})"/>).
/// The target is a scratch store written without fsync, mempool cache, event indexer or stored blocks
/// (<see cref="NodeOptions.IndexEvents"/>, <see cref="NodeOptions.StoreBlocks"/> off): nothing serves clients from
/// it, and neither the index nor the stored blocks are state.
/// </para>
/// </summary>
public sealed class Replayer(IKeyValueStore source, GenesisDoc genesis, Func<IChainApplication> appFactory)
{
    public sealed record Progress(long Height, long Target, double BlocksPerSecond);

    public sealed record Outcome(long BlocksReplayed, long? FirstMismatchHeight, string? Mismatch, TimeSpan Elapsed)
    {
        public bool Ok => FirstMismatchHeight is null;

        public double BlocksPerSecond => Elapsed.TotalSeconds > 0 ? BlocksReplayed / Elapsed.TotalSeconds : 0;
    }

    /// <summary>
    /// How many blocks the worker may read and signature-check ahead of execution; 0 replays sequentially (each
    /// block read, verified and executed in turn on the calling thread).
    /// </summary>
    public int Lookahead { get; init; } = 4;

    /// <summary>
    /// Also store each replayed block, its results and tx-hash index in the target (off by default: the results are
    /// compared in memory, nothing reads them back; on to inspect the target afterwards).
    /// </summary>
    public bool StoreBlocks { get; init; }

    /// <summary>Replays into <paramref name="target"/> (an empty store), reporting progress every <paramref name="reportEvery"/> blocks.</summary>
    public Outcome Run(IKeyValueStore target, Action<Progress>? progress = null, int reportEvery = 100, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Lookahead);
        var stored = new BlockStore(source);
        var last = stored.LatestHeight;
        var app = appFactory();
        // Live-serving work the throwaway target does not need: fsync per block, the seen-tx cache (capacity 0 = off),
        // the event index (nothing searches the target), the stored blocks, results and tx-hash index unless asked
        // for (the results are compared with the source's in memory; nothing reads them back).
        using var node = ChainNode.Open(target, genesis, app,
            new NodeOptions { SyncWrites = false, MempoolCacheSize = 0, IndexEvents = false, StoreBlocks = StoreBlocks });
        var sw = Stopwatch.StartNew(); // the blocks only: the genesis state (InitChain above) is not a block
        using var ahead = Lookahead > 0 ? new ReplayReadAhead(stored, app, node.State.Committed, genesis.ChainId, last, Lookahead) : null;
        long done = 0;
        for (var h = 1L; h <= last; h++)
        {
            ct.ThrowIfCancellationRequested();
            var next = ahead is not null ? ahead.Take(h, ct) : ReplayReadAhead.Read(stored, h);
            var block = next.Block;
            if (!block.Header.AppHash.AsSpan().SequenceEqual(node.LatestAppHash))
            {
                return new Outcome(done, h, $"header app hash {Hex.Upper(block.Header.AppHash)} != replayed state before the block {Hex.Upper(node.LatestAppHash)}", sw.Elapsed);
            }
            PendingBlock prepared;
            try
            {
                prepared = node.PrepareStoredBlock(block, next.Checks?.Await(), next.Envelopes);
            }
            catch (InvalidBlockException e)
            {
                return new Outcome(done, h, e.Message, sw.Elapsed); // over the genesis block limits
            }
            using var pending = prepared;
            var mismatch = ReplayComparison.CompareWithRecord(next.ExpectedRecord, pending.Results);
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
}
