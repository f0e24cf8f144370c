using MirrorChain.Core;
using MirrorChain.Crypto;

namespace MirrorChain.Node;

/// <summary>
/// Signs the blocks the node produces as its one validator would in CometBFT: a precommit at round 0 for the block id
/// the RPC serves, timestamped with the block's time, over CometBFT's canonical vote sign bytes with the validator's
/// Ed25519 key (<see cref="NodeOptions.BlockSigner"/>; docs/signed-commits.md). The key stays owned by the caller.
/// </summary>
public sealed class BlockSigner(Ed25519Key key)
{
    /// <summary>The validator's 32-byte Ed25519 public key.</summary>
    public byte[] PublicKey { get; } = key.PublicKey;

    /// <summary>CometBFT's validator address: the first 20 bytes of SHA-256 of the public key.</summary>
    public byte[] Address { get; } = key.Address;

    /// <summary>The precommit signature of block <paramref name="height"/> with hash <paramref name="blockHash"/>.</summary>
    public BlockSignature Sign(string chainId, long height, byte[] blockHash, BlockTime time) =>
        new(Address, time, key.Sign(CanonicalVote.PrecommitSignBytes(chainId, height, blockHash, time)));
}
