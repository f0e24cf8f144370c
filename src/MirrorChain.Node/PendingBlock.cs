using MirrorChain.Storage;

namespace MirrorChain.Node;

/// <summary>
/// An executed block whose atomic batch is staged but not written. <see cref="Commit"/> writes it; disposing
/// without committing drops it (the previous height stays the latest, as after a crash before the write).
/// </summary>
public sealed class PendingBlock : IDisposable
{
    private readonly ChainNode _node;
    private bool _done;

    internal PendingBlock(ChainNode node, Block block, BlockResults results, IWriteBatch batch, IReadOnlyList<byte[]> txHashes,
        IReadOnlyList<KeyValuePair<byte[], byte[]?>> changes)
    {
        Changes = changes;
        _node = node;
        Block = block;
        Results = results;
        Batch = batch;
        TxHashes = txHashes;
    }

    public Block Block { get; }

    public BlockResults Results { get; }

    internal IWriteBatch Batch { get; }

    internal IReadOnlyList<byte[]> TxHashes { get; }

    /// <summary>How long executing and staging the block took (for the metrics only).</summary>
    internal TimeSpan ExecutionTime { get; init; }

    /// <summary>
    /// Tree nodes the state prefetcher read from the store for this block (0 when it is off): diagnostics, so that a
    /// benchmark can tell the block's own reads (<see cref="State.MerkleTree.StoreReads"/> minus these) from them.
    /// </summary>
    public int PrefetchedTreeNodes { get; internal init; }

    /// <summary>Whether the staged results record decodes back to <see cref="Results"/> exactly (<see cref="BlockStore.Append"/>).</summary>
    internal bool ResultsStoredExactly { get; init; }

    /// <summary>The state keys the block changed (null value = deleted): what the mempool recheck looks at.</summary>
    internal IReadOnlyList<KeyValuePair<byte[], byte[]?>> Changes { get; }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        _node.Commit(this);
    }

    public void Dispose()
    {
        if (!_done)
        {
            _done = true;
            _node.Abandon(this);
        }
    }
}
