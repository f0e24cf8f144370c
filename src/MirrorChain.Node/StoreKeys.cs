using System.Buffers.Binary;

namespace MirrorChain.Node;

/// <summary>
/// Key schema of the node's own records in the shared RocksDB (state uses prefixes below 0x10):
/// <code>
/// 0x10 ‖ height(8 BE)             → block (header + txs)
/// 0x11 ‖ height(8 BE)             → block results (tx results + app hash after the block)
/// 0x12 ‖ tx hash(32)              → height(8 BE) ‖ index(4 BE)
/// 0x13 ‖ block hash(32)           → height(8 BE)
/// 0x14 ‖ "type.key" 0x00 value 0x00 ‖ height(8 BE) ‖ index(4 BE) → empty   (event index for tx_search)
/// 0x15 ‖ height(8 BE)             → the validator's precommit signature of the block (BlockSignature; signed blocks only)
/// 0x1F ‖ name                     → metadata (latest height, chain id, genesis hash, indexed height)
/// </code>
/// 0x10–0x13, 0x15 and the latest height are written in the block's one atomic batch. The event index (0x14) is not: the
/// <see cref="EventIndexer"/> writes a block's event keys after the block is committed, in its own batch together with
/// <c>0x1F ‖ "indexed_height"</c> (8 BE: every block up to it has its event keys). A home whose indexed height is below
/// the latest height is re-indexed from the stored results (0x11) when the node opens. A home with no indexed-height
/// key was written by a build that put the event keys into the block's batch, so it is fully indexed.
/// </summary>
public static class StoreKeys
{
    public const byte Block = 0x10;
    public const byte Results = 0x11;
    public const byte TxByHash = 0x12;
    public const byte HeightByBlockHash = 0x13;
    public const byte EventIndex = 0x14;
    public const byte CommitSignature = 0x15;
    public const byte Meta = 0x1F;

    public static byte[] BlockKey(long height) => WithHeight(Block, height);

    public static byte[] ResultsKey(long height) => WithHeight(Results, height);

    public static byte[] CommitSignatureKey(long height) => WithHeight(CommitSignature, height);

    public static byte[] TxKey(ReadOnlySpan<byte> hash) => [TxByHash, .. hash];

    public static byte[] BlockHashKey(ReadOnlySpan<byte> hash) => [HeightByBlockHash, .. hash];

    public static byte[] MetaKey(string name) => [Meta, .. System.Text.Encoding.ASCII.GetBytes(name)];

    public static readonly byte[] LatestHeight = MetaKey("latest_height");
    public static readonly byte[] ChainId = MetaKey("chain_id");
    public static readonly byte[] GenesisHash = MetaKey("genesis_hash");

    /// <summary>Height up to which every block's event keys (0x14) are written; see <see cref="EventIndexer"/>.</summary>
    public static readonly byte[] IndexedHeight = MetaKey("indexed_height");

    /// <summary>Prefix of all index entries for one attribute value: 0x14 ‖ compositeKey 0x00 value 0x00.</summary>
    public static byte[] EventPrefix(string compositeKey, string value)
    {
        var key = new byte[EventPrefixLength(compositeKey, value)];
        WriteEventPrefix(key, compositeKey, value);
        return key;
    }

    /// <summary>The index entry of tx <paramref name="index"/> at <paramref name="height"/>: <see cref="EventPrefix"/> ‖ height(8 BE) ‖ index(4 BE).</summary>
    public static byte[] EventKey(string compositeKey, string value, long height, int index)
    {
        var prefixLength = EventPrefixLength(compositeKey, value);
        var key = new byte[prefixLength + 12];
        WriteEventPrefix(key, compositeKey, value);
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(prefixLength), height);
        BinaryPrimitives.WriteInt32BigEndian(key.AsSpan(prefixLength + 8), index);
        return key;
    }

    private static int EventPrefixLength(string compositeKey, string value) =>
        3 + System.Text.Encoding.UTF8.GetByteCount(compositeKey) + System.Text.Encoding.UTF8.GetByteCount(value);

    private static void WriteEventPrefix(Span<byte> key, string compositeKey, string value)
    {
        key[0] = EventIndex;
        var n = 1 + System.Text.Encoding.UTF8.GetBytes(compositeKey, key[1..]);
        key[n++] = 0;
        n += System.Text.Encoding.UTF8.GetBytes(value, key[n..]);
        key[n] = 0;
    }

    public static byte[] EncodeHeight(long height)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(b, height);
        return b;
    }

    public static long DecodeHeight(ReadOnlySpan<byte> b) => BinaryPrimitives.ReadInt64BigEndian(b);

    private static byte[] WithHeight(byte prefix, long height)
    {
        var key = new byte[9];
        key[0] = prefix;
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(1), height);
        return key;
    }
}
