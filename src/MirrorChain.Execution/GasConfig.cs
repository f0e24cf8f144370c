namespace MirrorChain.Execution;

/// <summary>
/// The fixed gas schedule (the Cosmos SDK's KVStore defaults plus the auth ante costs). Consensus-critical: every
/// node must charge the same, and simulate charges exactly what deliver charges.
/// </summary>
public sealed record GasConfig
{
    public static readonly GasConfig Default = new();

    public ulong HasCost { get; init; } = 1000;

    public ulong DeleteCost { get; init; } = 1000;

    public ulong ReadCostFlat { get; init; } = 1000;

    public ulong ReadCostPerByte { get; init; } = 3;

    public ulong WriteCostFlat { get; init; } = 2000;

    public ulong WriteCostPerByte { get; init; } = 30;

    public ulong IterNextCostFlat { get; init; } = 30;

    /// <summary>Charged per byte of the TxRaw ("txSize").</summary>
    public ulong TxSizeCostPerByte { get; init; } = 10;

    /// <summary>Charged once per signature, verified or not (also in simulation).</summary>
    public ulong SigVerifySecp256k1 { get; init; } = 1000;
}
