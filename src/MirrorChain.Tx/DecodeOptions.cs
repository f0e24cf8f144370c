namespace MirrorChain.Tx;

/// <summary>Limits for <see cref="TxDecoder"/>, normally from the chain params.</summary>
public sealed record DecodeOptions
{
    public const int DefaultMaxTxBytes = 1_048_576;
    public const int DefaultMaxMemoCharacters = 256;

    /// <summary>Larger txs are rejected with code 21.</summary>
    public int MaxTxBytes { get; init; } = DefaultMaxTxBytes;

    /// <summary>Max memo length in UTF-8 bytes (the SDK counts Go string bytes under this name); code 12.</summary>
    public int MaxMemoCharacters { get; init; } = DefaultMaxMemoCharacters;

    /// <summary>Simulation: a gas limit of 0 is allowed (cosmjs simulates with an empty fee).</summary>
    public bool Simulate { get; init; }
}
