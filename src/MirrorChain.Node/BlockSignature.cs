using System.Buffers.Binary;
using MirrorChain.Core;

namespace MirrorChain.Node;

/// <summary>
/// The validator's precommit signature of a block (CometBFT's <c>CommitSig</c> with block_id_flag COMMIT): who signed,
/// the vote's timestamp and the Ed25519 signature over <see cref="CanonicalVote.PrecommitSignBytes"/>. Stored with the
/// block (<see cref="StoreKeys.CommitSignatureKey"/>); the RPC serves it in <c>commit</c> of the block's height and in
/// <c>last_commit</c> of the next block.
/// </summary>
public sealed record BlockSignature(byte[] ValidatorAddress, BlockTime Timestamp, byte[] Signature)
{
    private const byte Version = 1;

    /// <summary>version(1) ‖ seconds(8 BE) ‖ nanos(4 BE) ‖ address length(1) ‖ address ‖ signature length(1) ‖ signature.</summary>
    public byte[] Encode()
    {
        var b = new byte[1 + 8 + 4 + 1 + ValidatorAddress.Length + 1 + Signature.Length];
        b[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(b.AsSpan(1), Timestamp.Seconds);
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(9), Timestamp.Nanos);
        b[13] = checked((byte)ValidatorAddress.Length);
        ValidatorAddress.CopyTo(b, 14);
        var at = 14 + ValidatorAddress.Length;
        b[at] = checked((byte)Signature.Length);
        Signature.CopyTo(b, at + 1);
        return b;
    }

    /// <summary>The record <see cref="Encode"/> wrote; throws <see cref="InvalidDataException"/> on anything else.</summary>
    public static BlockSignature Decode(ReadOnlySpan<byte> b)
    {
        if (b.Length < 15 || b[0] != Version)
        {
            throw new InvalidDataException("stored block signature: unknown format");
        }
        var time = new BlockTime(BinaryPrimitives.ReadInt64BigEndian(b[1..]), BinaryPrimitives.ReadInt32BigEndian(b[9..]));
        int addressLength = b[13];
        if (b.Length < 15 + addressLength || b.Length != 15 + addressLength + b[14 + addressLength])
        {
            throw new InvalidDataException("stored block signature: truncated");
        }
        var address = b.Slice(14, addressLength).ToArray();
        var signature = b[(15 + addressLength)..].ToArray();
        return new BlockSignature(address, time, signature);
    }
}
