using MirrorChain.Core;

namespace MirrorChain.Tx;

/// <summary>Everything needed to build and sign a single-signer SIGN_MODE_DIRECT tx (see <see cref="TxBuilder"/>).</summary>
public sealed record TxSpec
{
    public required IReadOnlyList<ITxMessage> Messages { get; init; }

    /// <summary>Fee coins, sorted by denom (may be empty when the chain has no minimum gas prices).</summary>
    public IReadOnlyList<Coin> Fee { get; init; } = [];

    public ulong GasLimit { get; init; } = 200_000;

    public string Memo { get; init; } = "";

    /// <summary>0 = none.</summary>
    public ulong TimeoutHeight { get; init; }

    public required string ChainId { get; init; }

    public ulong AccountNumber { get; init; }

    public ulong Sequence { get; init; }
}
