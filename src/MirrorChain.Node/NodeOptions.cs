namespace MirrorChain.Node;

/// <summary>Node settings that are not consensus rules (those live in genesis).</summary>
public sealed record NodeOptions
{
    public string Moniker { get; init; } = "mirrorchain-devnet";

    /// <summary>Interval between blocks. Empty blocks are produced too.</summary>
    public TimeSpan BlockTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Max txs waiting in the mempool.</summary>
    public int MempoolMaxTxs { get; init; } = 5000;

    /// <summary>Max total bytes waiting in the mempool.</summary>
    public long MempoolMaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Max txs one sender may have waiting in the mempool (so no single account can fill it).</summary>
    public int MempoolMaxTxsPerSender { get; init; } = 1000;

    /// <summary>Max total bytes one sender may have waiting in the mempool.</summary>
    public long MempoolMaxBytesPerSender { get; init; } = 16L * 1024 * 1024;

    /// <summary>Recently seen tx hashes refused without CheckTx (CometBFT config.toml <c>cache_size</c>); 0 = off.</summary>
    public int MempoolCacheSize { get; init; } = 10_000;

    /// <summary>Where the node reports what it cannot answer to a caller (a tx that panicked, a failing listener).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Where the node reports blocks and admissions for its metrics (docs/metrics.md); nothing by default.</summary>
    public INodeMetrics Metrics { get; init; } = NoNodeMetrics.Instance;

    /// <summary>fsync each block's batch (WAL is always on).</summary>
    public bool SyncWrites { get; init; } = true;

    /// <summary>
    /// Run the <see cref="EventIndexer"/> (the event index tx_search reads). Off for a replay target, which is thrown
    /// away: a home opened with it off keeps its indexed height, and the next open with it on catches up.
    /// </summary>
    public bool IndexEvents { get; init; } = true;

    /// <summary>
    /// Store each block, its results and its tx-hash index. Off only for a replay target, which compares the results
    /// it computes with the source's and is thrown away: it keeps the state and the latest height, nothing to serve.
    /// </summary>
    public bool StoreBlocks { get; init; } = true;

    /// <summary>
    /// How many of the latest committed blocks' results the node keeps in memory for <c>block_results</c>, <c>tx</c>
    /// and <c>tx_search</c> (<see cref="BlockStore.GetResults"/>; docs/block-results-encoding.md); 0 = none, every
    /// read decodes the stored record.
    /// </summary>
    public int RecentResultsKept { get; init; } = BlockStore.RecentResultsKept;

    /// <summary>
    /// The validator key that signs each produced block's precommit (docs/signed-commits.md), or null for unsigned
    /// blocks. It must be the genesis validator's Ed25519 key: <see cref="ChainNode.Open"/> refuses another.
    /// Blocks executed for an external engine (ABCI) or replayed are never signed here.
    /// </summary>
    public BlockSigner? BlockSigner { get; init; }

    /// <summary>
    /// Threads that run CheckTx's signature checks at a lower scheduling priority than block production
    /// (<see cref="LowPriorityWorkers"/>); 0 (the default) = on the caller's thread at its priority.
    /// </summary>
    public int AdmissionVerifyThreads { get; init; }

    /// <summary>
    /// CheckTxs that may run at once while this node produces a block (<see cref="AdmissionGate"/>): -1 = no limit,
    /// 0 = broadcasts wait until the block is committed (CometBFT 0.38's local client), N ≥ 1 = N at once.
    /// </summary>
    public int AdmissionChecksDuringBlock { get; init; } = DefaultAdmissionChecksDuringBlock;

    /// <summary>The default of <see cref="AdmissionChecksDuringBlock"/> (docs/node-limits.md says why).</summary>
    public const int DefaultAdmissionChecksDuringBlock = 0;

    /// <summary>
    /// While a block executes, load the tree paths of the keys it writes into the node cache on one low-priority
    /// thread, so the block's Merkle update finds them in memory (docs/state-growth.md). Only speed depends on it;
    /// it pays off on a large state (paths below the cached top levels), and yields when the cores are busy.
    /// </summary>
    public bool PrefetchState { get; init; } = true;

    /// <summary>Tests: the prefetcher walks every key handed over before the block's update starts (exact counts).</summary>
    internal bool PrefetchDrainsAtBlockEnd { get; init; }

    /// <summary>Committed blocks queued for the event indexer; over it, blocks are read back from the store (memory stays bounded).</summary>
    public int EventIndexQueueBlocks { get; init; } = 16;

    /// <summary>How long closing the node waits for the event indexer to finish; what is left is re-indexed at the next start.</summary>
    public TimeSpan EventIndexDrainTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
