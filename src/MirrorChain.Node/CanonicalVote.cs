using MirrorChain.Core;

namespace MirrorChain.Node;

/// <summary>
/// CometBFT 0.38's vote sign bytes (types/vote.go <c>VoteSignBytes</c>, types/canonical.go <c>CanonicalizeVote</c>):
/// the protobuf <c>tendermint.types.CanonicalVote</c> {type = 1 (enum), height = 2 (sfixed64), round = 3 (sfixed64),
/// block_id = 4 (CanonicalBlockID {hash = 1, part_set_header = 2 {total = 1 (uint32), hash = 2}}), timestamp = 5
/// (google.protobuf.Timestamp {seconds = 1, nanos = 2}), chain_id = 6}, prefixed with its length as a uvarint
/// (libs/protoio <c>MarshalDelimited</c>). Proto3 leaves out zero scalars and empty bytes/strings; the timestamp is
/// always written (not nullable in gogoproto), and a nil block id (empty hash and part-set header) is left out.
/// </summary>
public static class CanonicalVote
{
    /// <summary>SIGNED_MSG_TYPE_PREVOTE.</summary>
    public const int Prevote = 1;

    /// <summary>SIGNED_MSG_TYPE_PRECOMMIT: what a commit's signatures sign.</summary>
    public const int Precommit = 2;

    /// <summary>The sign bytes of a vote for a block id {hash, parts {total, hash}}.</summary>
    public static byte[] SignBytes(string chainId, int type, long height, long round,
        ReadOnlySpan<byte> blockHash, uint partsTotal, ReadOnlySpan<byte> partsHash, BlockTime timestamp)
    {
        ArgumentNullException.ThrowIfNull(chainId);
        var body = new List<byte>(128);
        if (type != 0)
        {
            body.Add(0x08);
            Varint(body, (ulong)(long)type);
        }
        Fixed64(body, 0x11, height);
        Fixed64(body, 0x19, round);
        if (!blockHash.IsEmpty || partsTotal != 0 || !partsHash.IsEmpty)
        {
            var parts = new List<byte>(40);
            if (partsTotal != 0)
            {
                parts.Add(0x08);
                Varint(parts, partsTotal);
            }
            Bytes(parts, 0x12, partsHash);
            var id = new List<byte>(80);
            Bytes(id, 0x0A, blockHash);
            id.Add(0x12); // part_set_header is not nullable: written even when empty
            Varint(id, (ulong)parts.Count);
            id.AddRange(parts);
            body.Add(0x22);
            Varint(body, (ulong)id.Count);
            body.AddRange(id);
        }
        var ts = new List<byte>(16);
        if (timestamp.Seconds != 0)
        {
            ts.Add(0x08);
            Varint(ts, (ulong)timestamp.Seconds);
        }
        if (timestamp.Nanos != 0)
        {
            ts.Add(0x10);
            Varint(ts, (ulong)(long)timestamp.Nanos);
        }
        body.Add(0x2A);
        Varint(body, (ulong)ts.Count);
        body.AddRange(ts);
        Bytes(body, 0x32, System.Text.Encoding.UTF8.GetBytes(chainId));
        var result = new List<byte>(body.Count + 2);
        Varint(result, (ulong)body.Count);
        result.AddRange(body);
        return [.. result];
    }

    /// <summary>
    /// The sign bytes of a precommit for one of this chain's blocks at round 0: the block id the RPC serves for it
    /// (a block is one part, its part-set hash the block hash: see the RPC's block JSON).
    /// </summary>
    public static byte[] PrecommitSignBytes(string chainId, long height, ReadOnlySpan<byte> blockHash, BlockTime timestamp) =>
        SignBytes(chainId, Precommit, height, 0, blockHash, 1, blockHash, timestamp);

    private static void Fixed64(List<byte> b, byte tag, long value)
    {
        if (value == 0)
        {
            return;
        }
        b.Add(tag);
        var v = (ulong)value;
        for (var i = 0; i < 8; i++)
        {
            b.Add((byte)(v >> (8 * i)));
        }
    }

    private static void Bytes(List<byte> b, byte tag, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return;
        }
        b.Add(tag);
        Varint(b, (ulong)value.Length);
        foreach (var x in value)
        {
            b.Add(x);
        }
    }

    private static void Varint(List<byte> b, ulong v)
    {
        while (v >= 0x80)
        {
            b.Add((byte)(v | 0x80));
            v >>= 7;
        }
        b.Add((byte)v);
    }
}
