using MirrorChain.Execution;
using MirrorChain.State;

namespace MirrorChain.Node;

/// <summary>
/// The application as the node drives it, shaped like ABCI: genesis, CheckTx, block execution, queries.
/// Everything here is deterministic except <see cref="VerifySignatures"/>'s scheduling (its answers are pure).
/// </summary>
public interface IChainApplication
{
    /// <summary>Writes the genesis app state (height 0).</summary>
    void InitChain(GenesisDoc genesis, IStateWriter state);

    /// <summary>Checks each tx's signature (parallel, pure); false where a signature is missing or invalid.</summary>
    bool[] VerifySignatures(IReadOnlyList<byte[]> txs, IStateReader state, string chainId);

    /// <summary>Runs a block's txs in order over <paramref name="state"/>; one result per tx.</summary>
    IReadOnlyList<TxResult> ExecuteBlock(BlockContext ctx, IReadOnlyList<byte[]> txs, StateCache state, bool[] signaturesOk);

    /// <summary>
    /// Validates a tx against the pending state (applying its ante effects there when it passes).
    /// <paramref name="signatureOk"/> true (from <see cref="VerifySignatures"/>) skips the signature check.
    /// </summary>
    CheckTxOutcome CheckTx(byte[] tx, StateCache pending, BlockContext ctx, bool signatureOk);

    /// <summary>Answers an ABCI query path (e.g. /cosmos.bank.v1beta1.Query/Balance) over committed state.</summary>
    AppQueryResult Query(string path, byte[] data, IStateReader state, BlockContext ctx);
}

/// <summary>
/// CheckTx result: code 0 = admissible. <see cref="Sender"/> names the tx's signer for the mempool's per-sender
/// limit ("" = not known: the limit does not apply).
/// </summary>
public sealed record CheckTxOutcome(uint Code, string Codespace, string Log, long GasWanted, long GasUsed, string Sender = "")
{
    public static CheckTxOutcome Ok(long gasWanted, long gasUsed) => new(0, "", "", gasWanted, gasUsed);
}

/// <summary>Query answer: code 0 with a protobuf value, or an SDK error.</summary>
public sealed record AppQueryResult(uint Code, string Codespace, string Log, byte[] Value)
{
    public static AppQueryResult Ok(byte[] value) => new(0, "", "", value);
}
