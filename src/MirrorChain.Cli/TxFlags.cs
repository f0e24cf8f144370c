namespace MirrorChain.Cli;

/// <summary>Options shared by the tx commands (the Cosmos CLI's flag names).</summary>
public sealed record TxFlags
{
    public required string Node { get; init; }

    public string? ChainId { get; init; }

    /// <summary>"auto" (simulate × adjustment) or a number.</summary>
    public string Gas { get; init; } = "auto";

    public string GasAdjustment { get; init; } = "1.4";

    public string GasPrices { get; init; } = "0.015uluna";

    /// <summary>Explicit fee, e.g. "3000uluna"; overrides gas prices.</summary>
    public string? Fees { get; init; }

    public string Memo { get; init; } = "";

    /// <summary>"sync" returns after CheckTx; "commit" also waits for the block.</summary>
    public string BroadcastMode { get; init; } = "commit";

    /// <summary>--dry-run: simulate only and print the gas estimate; nothing is signed or broadcast.</summary>
    public bool DryRun { get; init; }

    /// <summary>-o json|text for the result.</summary>
    public OutputFormat Output { get; init; } = OutputFormat.Text;
}
