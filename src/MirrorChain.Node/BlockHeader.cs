using MirrorChain.Core;

namespace MirrorChain.Node;

/// <summary>
/// A block header. As in CometBFT, <see cref="AppHash"/> is the app hash after the <em>previous</em> block
/// (the genesis app hash at height 1); the app hash after this block is in its <see cref="BlockResults"/>
/// and in the next header. <see cref="LastResultsHash"/> commits to the previous block's tx results.
/// </summary>
public sealed record BlockHeader
{
    public required string ChainId { get; init; }

    public required long Height { get; init; }

    public required BlockTime Time { get; init; }

    /// <summary>Hash of the previous block's header; empty at height 1.</summary>
    public required byte[] LastBlockHash { get; init; }

    /// <summary>RFC 6962 Merkle root of the block's txs.</summary>
    public required byte[] DataHash { get; init; }

    public required byte[] AppHash { get; init; }

    public required byte[] LastResultsHash { get; init; }

    /// <summary>20-byte address of the proposer (the devnet validator's account address).</summary>
    public required byte[] ProposerAddress { get; init; }
}
