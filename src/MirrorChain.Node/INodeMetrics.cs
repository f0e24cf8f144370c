using MirrorChain.Execution;

namespace MirrorChain.Node;

/// <summary>
/// What the node reports to a metrics collector (Prometheus, docs/metrics.md), after the fact and off the consensus
/// path: nothing the node executes reads these calls' effects, and an implementation must be cheap, must not block and
/// must not throw (count, observe, return: a throw would surface as a failure of the block it reports). <see cref="NoNodeMetrics"/> is the default.
/// </summary>
public interface INodeMetrics
{
    /// <summary>A block was committed (called after the write and the mempool update, before the block-committed listeners).</summary>
    void BlockCommitted(CommittedBlockSample sample);

    /// <summary>A tx went through admission (<see cref="ChainNode.Submit"/>): its size, the answer and how long it took.</summary>
    void TxChecked(int txBytes, CheckTxResponse response, TimeSpan elapsed);
}

/// <summary>
/// One committed block as the metrics see it: the block and its results, the time spent executing it (signatures,
/// txs, app hash, staging the batch), writing it (the atomic RocksDB batch) and updating the mempool afterwards
/// (cache and recheck).
/// </summary>
public sealed record CommittedBlockSample(Block Block, BlockResults Results, TimeSpan Execution, TimeSpan Write, TimeSpan MempoolUpdate);

/// <summary>The default <see cref="INodeMetrics"/>: does nothing.</summary>
public sealed class NoNodeMetrics : INodeMetrics
{
    public static readonly NoNodeMetrics Instance = new();

    private NoNodeMetrics()
    {
    }

    public void BlockCommitted(CommittedBlockSample sample)
    {
    }

    public void TxChecked(int txBytes, CheckTxResponse response, TimeSpan elapsed)
    {
    }
}
