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

    /// <summary>fsync each block's batch (WAL is always on).</summary>
    public bool SyncWrites { get; init; } = true;
}
