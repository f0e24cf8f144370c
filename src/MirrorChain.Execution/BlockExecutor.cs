using MirrorChain.State;
using MirrorChain.Tx;

namespace MirrorChain.Execution;

/// <summary>
/// Executes a block's txs in order over the block cache — the only code path that changes chain state. Signature
/// checks may be done beforehand in parallel (<see cref="PreVerifySignatures"/>); execution stays sequential.
/// </summary>
public sealed class BlockExecutor(TxExecutor txExecutor)
{
    public BlockExecutor(IContractRuntime? contracts = null)
        : this(new TxExecutor(contracts))
    {
    }

    public TxExecutor TxExecutor { get; } = txExecutor;

    /// <summary>
    /// One result per tx, same order. <paramref name="preverifiedSignatures"/> (optional, one per tx, from
    /// <see cref="PreVerifySignatures"/> with this block's chain id): true skips that tx's secp256k1 check, false
    /// makes the executor check it itself, so results never depend on whether pre-verification ran.
    /// </summary>
    public IReadOnlyList<TxResult> ExecuteBlock(BlockContext ctx, IReadOnlyList<byte[]> txs, StateCache blockState,
        bool[]? preverifiedSignatures = null) =>
        ExecuteEnvelopes(ctx, TxEnvelope.Wrap(txs ?? throw new ArgumentNullException(nameof(txs))), blockState, preverifiedSignatures);

    /// <summary>
    /// The same over envelopes: a tx already decoded (at admission, or by <see cref="PreVerifyEnvelopes"/>)
    /// is not decoded again.
    /// </summary>
    public IReadOnlyList<TxResult> ExecuteEnvelopes(BlockContext ctx, IReadOnlyList<TxEnvelope> txs, StateCache blockState,
        bool[]? preverifiedSignatures = null)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(txs);
        ArgumentNullException.ThrowIfNull(blockState);
        if (preverifiedSignatures is not null && preverifiedSignatures.Length != txs.Count)
        {
            throw new ArgumentException(
                $"preverifiedSignatures has {preverifiedSignatures.Length} entries for {txs.Count} txs", nameof(preverifiedSignatures));
        }
        var chainParams = ChainParams.Load(blockState);
        var results = new TxResult[txs.Count];
        for (var i = 0; i < txs.Count; i++)
        {
            results[i] = TxExecutor.Deliver(ctx, txs[i], blockState, i, preverifiedSignatures?[i] ?? false, chainParams);
        }
        return results;
    }

    /// <summary>Parallel, pure signature pre-check of a block's txs against the state the block starts from.</summary>
    public static bool[] PreVerifySignatures(IReadOnlyList<byte[]> txs, IStateReader state, string chainId) =>
        SignatureCheck.PreVerify(txs, state, chainId);

    /// <summary>The same over envelopes, which keep their decode for execution.</summary>
    public static bool[] PreVerifyEnvelopes(IReadOnlyList<TxEnvelope> txs, IStateReader state, string chainId) =>
        SignatureCheck.PreVerifyEnvelopes(txs, state, chainId);

    /// <summary>One tx at a time, with the decode options read once (<see cref="SignatureCheck.Checker"/>).</summary>
    public static Func<TxEnvelope, bool> EnvelopeSignatureChecker(IStateReader state, string chainId) =>
        SignatureCheck.Checker(state, chainId);
}
