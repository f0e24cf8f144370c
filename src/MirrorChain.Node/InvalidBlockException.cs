namespace MirrorChain.Node;

/// <summary>
/// A block that breaks the consensus limits (too many bytes of txs, or more gas wanted than max_gas): it is
/// refused before anything is staged for commit, as CometBFT refuses an oversized proposal and the Cosmos SDK's
/// ProcessProposal a block over its gas limit.
/// </summary>
public sealed class InvalidBlockException(long height, string reason)
    : Exception($"block {height} is invalid: {reason}")
{
    public long Height { get; } = height;
}
