using MirrorChain.State;

namespace MirrorChain.Execution;

/// <summary>
/// What a message handler (bank, a contract) runs with: the block, a gas-metered state view, the tx's gas meter,
/// and the tx's identity. <see cref="Branch"/> opens a nested cache for a sub-message that may fail on its own.
/// </summary>
public sealed class TxContext
{
    private readonly StateCache _cache;

    public TxContext(BlockContext block, StateCache cache, GasMeter gasMeter, GasConfig gasConfig, ExecutionMode mode, byte[] txHash, int txIndex)
    {
        Block = block;
        _cache = cache;
        GasMeter = gasMeter;
        GasConfig = gasConfig;
        Mode = mode;
        TxHash = txHash;
        TxIndex = txIndex;
        State = new GasMeteredState(cache, gasMeter, gasConfig);
    }

    public BlockContext Block { get; }

    /// <summary>The state to read and write; every access is charged to <see cref="GasMeter"/>.</summary>
    public GasMeteredState State { get; }

    public GasMeter GasMeter { get; }

    public GasConfig GasConfig { get; }

    public ExecutionMode Mode { get; }

    /// <summary>SHA-256 of the tx bytes.</summary>
    public byte[] TxHash { get; }

    /// <summary>Position of the tx in its block (0 for CheckTx and simulation).</summary>
    public int TxIndex { get; }

    /// <summary>
    /// A child context over a new cache on top of this one, sharing the gas meter. Call <see cref="Commit"/> on the
    /// child to keep its writes; drop it to revert them.
    /// </summary>
    public TxContext Branch() =>
        new(Block, new StateCache(_cache), GasMeter, GasConfig, Mode, TxHash, TxIndex);

    /// <summary>Writes this context's cached changes into its parent cache (uncharged: the writes were charged when made).</summary>
    public void Commit()
    {
        if (_cache.Parent is StateCache parent)
        {
            _cache.WriteTo(parent);
        }
        else
        {
            throw new InvalidOperationException("only a branched context can be committed");
        }
    }
}
