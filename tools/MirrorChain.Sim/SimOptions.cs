namespace MirrorChain.Sim;

/// <summary>What one simulation run does: the seed decides the accounts, the op mix and every amount.</summary>
public sealed record SimOptions
{
    public ulong Seed { get; init; } = 1;

    public int Blocks { get; init; } = 100;

    /// <summary>Generated accounts funded in the sim's genesis (on top of the devnet accounts).</summary>
    public int Accounts { get; init; } = 2000;

    /// <summary>Txs generated per block (besides the feeder's price feed).</summary>
    public int TxsPerBlock { get; init; } = 30;

    /// <summary>Block time step: block h is at genesis time + h × step.</summary>
    public TimeSpan BlockStep { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Check every invariant after every block (off: only at the end).</summary>
    public bool CheckEveryBlock { get; init; } = true;

    /// <summary>Ops kept for a failure report.</summary>
    public int RingSize { get; init; } = 40;
}
