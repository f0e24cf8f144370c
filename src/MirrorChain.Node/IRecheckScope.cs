using MirrorChain.State;
using MirrorChain.Tx;

namespace MirrorChain.Node;

/// <summary>
/// What a waiting tx's CheckTx outcome depends on, so that after a block the node rechecks only the txs the block
/// may have changed (<see cref="IChainApplication.RecheckScope"/>). The contract: CheckTx of a tx from sender S,
/// run on the pending state, reads only (a) keys <see cref="Owner"/> attributes to S, (b) keys it calls global
/// (""), (c) keys it calls outcome-free (null): keys whose value no check refuses on and that CheckTx only adds to;
/// and it writes only keys of (a) and (c). Besides state, it may read the block context (height, time) only for
/// txs <see cref="DependsOnBlockContext"/> names.
/// </summary>
public interface IRecheckScope
{
    /// <summary>
    /// The sender (as <see cref="Execution.CheckTxResponse.Sender"/> names it) whose CheckTx reads
    /// <paramref name="key"/>; "" when every CheckTx may read it (a block changing it rechecks every tx); null
    /// when no CheckTx outcome depends on it.
    /// </summary>
    string? Owner(byte[] key);

    /// <summary>True when the tx's CheckTx also depends on the block height or time (timeouts), or cannot be told.</summary>
    bool DependsOnBlockContext(TxEnvelope tx, IStateReader state);
}
