using MirrorChain.Execution;
using MirrorChain.State;
using MirrorChain.Tx;

namespace MirrorChain.Node;

/// <summary>
/// The application as the node drives it, shaped like ABCI: genesis, CheckTx, block execution, queries.
/// Everything here is deterministic except <see cref="VerifySignatures"/>'s
/// scheduling (its answers are pure). The node hands txs over as <see cref="TxEnvelope"/>s (hashed once, decoded
/// once: the same envelope goes to the signature check, CheckTx, recheck and block execution); the overloads over
/// envelopes (named apart, so an empty <c>[]</c> argument stays unambiguous) default to the ones over bytes, so an app that does not decode need not implement them.
/// CheckTx and queries answer with the executor's own records (<see cref="CheckTxResponse"/>,
/// <see cref="QueryAnswer"/>), passed through to the RPC without copies.
/// </summary>
public interface IChainApplication
{
    /// <summary>Writes the genesis app state (height 0).</summary>
    void InitChain(GenesisDoc genesis, IStateWriter state);

    /// <summary>Checks each tx's signature (parallel, pure); false where a signature is missing or invalid.</summary>
    bool[] VerifySignatures(IReadOnlyList<byte[]> txs, IStateReader state, string chainId);

    /// <summary>The same over envelopes (their decodes are kept for CheckTx and execution).</summary>
    bool[] VerifyEnvelopeSignatures(IReadOnlyList<TxEnvelope> txs, IStateReader state, string chainId) =>
        VerifySignatures(Bytes(txs), state, chainId);

    /// <summary>
    /// <see cref="VerifyEnvelopeSignatures"/> one tx per call on the calling thread, with what every tx needs from
    /// <paramref name="state"/> (e.g. the decode options) read once when the checker is made: replay's verifier
    /// threads make one per block.
    /// </summary>
    Func<TxEnvelope, bool> EnvelopeSignatureChecker(IStateReader state, string chainId) =>
        tx => VerifyEnvelopeSignatures([tx], state, chainId)[0];

    /// <summary>Runs a block's txs in order over <paramref name="state"/>; one result per tx.</summary>
    IReadOnlyList<TxResult> ExecuteBlock(BlockContext ctx, IReadOnlyList<byte[]> txs, StateCache state, bool[] signaturesOk);

    /// <summary>The same over envelopes.</summary>
    IReadOnlyList<TxResult> ExecuteEnvelopes(BlockContext ctx, IReadOnlyList<TxEnvelope> txs, StateCache state, bool[] signaturesOk) =>
        ExecuteBlock(ctx, Bytes(txs), state, signaturesOk);

    /// <summary>
    /// State keys the block's <paramref name="txs"/> will likely read, for the node's prefetcher to load from
    /// <paramref name="committed"/> (the state the block starts from) ahead of execution, on its own thread. Hints
    /// only: a wrong or missing key costs a read, never a result. Default: none.
    /// </summary>
    IEnumerable<byte[]> LikelyReads(IReadOnlyList<TxEnvelope> txs, IStateReader committed) => [];

    /// <summary>
    /// Validates a tx against the pending state (applying its ante effects there when it passes).
    /// <paramref name="signatureOk"/> true (from <see cref="VerifySignatures"/>)
    /// skips the signature check. <see cref="CheckTxResponse.Sender"/> names the tx's signer for the mempool's
    /// per-sender limit ("" = not known: the limit does not apply).
    /// </summary>
    CheckTxResponse CheckTx(byte[] tx, StateCache pending, BlockContext ctx, bool signatureOk);

    /// <summary>The same over an envelope (admission and recheck of a mempool tx).</summary>
    CheckTxResponse CheckTx(TxEnvelope tx, StateCache pending, BlockContext ctx, bool signatureOk) =>
        CheckTx(tx.Bytes, pending, ctx, signatureOk);

    /// <summary>
    /// What a waiting tx's CheckTx depends on, so the node rechecks after a block only the txs whose sender's
    /// state the block changed (<see cref="IRecheckScope"/>); null (the default) rechecks every waiting tx after
    /// every block, as CometBFT does.
    /// </summary>
    IRecheckScope? RecheckScope => null;

    /// <summary>Answers an ABCI query path (e.g. /cosmos.bank.v1beta1.Query/Balance) over committed state.</summary>
    QueryAnswer Query(string path, byte[] data, IStateReader state, BlockContext ctx);

    private static IReadOnlyList<byte[]> Bytes(IReadOnlyList<TxEnvelope> txs)
    {
        var bytes = new byte[txs.Count][];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = txs[i].Bytes;
        }
        return bytes;
    }
}
