using System.Buffers.Binary;
using MirrorChain.Core;
using MirrorChain.Storage;

namespace MirrorChain.Node;

/// <summary>
/// Blocks, their results and the tx/event indexes, in the node's RocksDB. Writes only go into the caller's
/// batch, so a block, its results, its tx and block-hash indexes, the state changes and the new latest height land
/// atomically (<see cref="Append"/>); the event index goes into a later batch of its own with the indexed height
/// (<see cref="AppendEvents"/>, written by the <see cref="EventIndexer"/>).
/// </summary>
/// <param name="db">The node's store.</param>
/// <param name="recentResultsKept">How many of the latest committed blocks' results <see cref="GetResults"/> answers
/// from memory once the node <see cref="RememberResults">remembers</see> them (0: none, every read decodes).</param>
public sealed class BlockStore(IKeyValueStore db, int recentResultsKept = BlockStore.RecentResultsKept)
{
    /// <summary>How many of the latest committed blocks' results a node keeps decoded by default (<see cref="RecentResults"/>).</summary>
    public const int RecentResultsKept = 8;

    private readonly RecentResults? _recent = recentResultsKept > 0 ? new(recentResultsKept) : null;

    public long LatestHeight
    {
        get
        {
            var b = db.Get(StoreKeys.LatestHeight);
            return b is null ? 0 : StoreKeys.DecodeHeight(b);
        }
    }

    /// <summary>
    /// Height up to which every block's event keys are written, or null when the home predates the key (a build that
    /// wrote event keys in the block's own batch: then every stored block is indexed).
    /// </summary>
    public long? IndexedHeight
    {
        get
        {
            var b = db.Get(StoreKeys.IndexedHeight);
            return b is null ? null : StoreKeys.DecodeHeight(b);
        }
    }

    public Block? GetBlock(long height)
    {
        var b = db.Get(StoreKeys.BlockKey(height));
        return b is null ? null : BlockCodec.DecodeBlock(b);
    }

    /// <summary>The stored results record of block <paramref name="height"/> as written (<see cref="BlockCodec.DecodeResults"/> reads it), or null.</summary>
    internal byte[]? GetResultsRecord(long height) => db.Get(StoreKeys.ResultsKey(height));

    /// <summary>
    /// The stored results of block <paramref name="height"/>, decoded; one of the last few blocks (8 by default) this
    /// instance's node committed comes from memory (the same results, not decoded again).
    /// </summary>
    public BlockResults? GetResults(long height)
    {
        if (_recent?.Get(height) is { } recent)
        {
            return recent;
        }
        var b = GetResultsRecord(height);
        return b is null ? null : BlockCodec.DecodeResults(b);
    }

    /// <summary>
    /// After <paramref name="results"/> were written (<see cref="Append"/>, then a successful write): keeps them for
    /// <see cref="GetResults"/> when their record decodes back to them exactly (<paramref name="exact"/>, what
    /// <see cref="Append"/> answered), otherwise makes sure nothing is kept for that height.
    /// </summary>
    internal void RememberResults(BlockResults results, bool exact)
    {
        if (exact)
        {
            _recent?.Put(results);
        }
        else
        {
            _recent?.Forget(results.Height);
        }
    }

    /// <summary>The validator's signature of block <paramref name="height"/>, or null (an unsigned block, or none stored).</summary>
    public BlockSignature? GetSignature(long height)
    {
        var b = db.Get(StoreKeys.CommitSignatureKey(height));
        return b is null ? null : BlockSignature.Decode(b);
    }

    public long? GetHeightByBlockHash(byte[] hash)
    {
        var b = db.Get(StoreKeys.BlockHashKey(hash));
        return b is null ? null : StoreKeys.DecodeHeight(b);
    }

    public (long Height, int Index)? GetTxLocation(byte[] hash)
    {
        var b = db.Get(StoreKeys.TxKey(hash));
        return b is null ? null : (BinaryPrimitives.ReadInt64BigEndian(b), BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(8)));
    }

    /// <summary>
    /// Locations (height, index) of txs having an indexed event attribute "type.key" = value, ascending. Reads index
    /// keys only (no block or results is loaded); <paramref name="ct"/> is checked between keys.
    /// </summary>
    public IEnumerable<(long Height, int Index)> FindByEvent(string compositeKey, string value, CancellationToken ct = default)
    {
        var prefix = StoreKeys.EventPrefix(compositeKey, value);
        foreach (var (k, _) in db.Range(prefix, KeyRanges.PrefixEnd(prefix)))
        {
            ct.ThrowIfCancellationRequested();
            if (k.Length == prefix.Length + 12)
            {
                yield return (BinaryPrimitives.ReadInt64BigEndian(k.AsSpan(prefix.Length)),
                    BinaryPrimitives.ReadInt32BigEndian(k.AsSpan(prefix.Length + 8)));
            }
        }
    }

    /// <summary>Whether the tx at (height, index) has an indexed event attribute "type.key" = value (one key lookup).</summary>
    public bool HasEvent(string compositeKey, string value, long height, int index) =>
        db.Get(StoreKeys.EventKey(compositeKey, value, height, index)) is not null;

    /// <summary>
    /// Adds a block, its results, its signature (when signed), its tx-hash and block-hash indexes and the new latest height to
    /// <paramref name="batch"/>. The tx-hash index stays here, atomic with the block: CheckTx refuses a committed
    /// tx by it. The event index does not (<see cref="AppendEvents"/>). True when the stored results decode back to
    /// <paramref name="results"/> exactly (no unpaired surrogate in a string).
    /// </summary>
    public static bool Append(IWriteBatch batch, Block block, BlockResults results, IReadOnlyList<byte[]> txHashes, BlockSignature? signature = null)
    {
        var height = block.Header.Height;
        BlockCodec.PutBlock(batch, StoreKeys.BlockKey(height), block);
        if (signature is not null)
        {
            batch.Put(StoreKeys.CommitSignatureKey(height), signature.Encode());
        }
        var exact = BlockCodec.PutResults(batch, StoreKeys.ResultsKey(height), results);
        batch.Put(StoreKeys.BlockHashKey(block.Hash), StoreKeys.EncodeHeight(height));
        for (var i = 0; i < txHashes.Count; i++)
        {
            var loc = new byte[12];
            BinaryPrimitives.WriteInt64BigEndian(loc, height);
            BinaryPrimitives.WriteInt32BigEndian(loc.AsSpan(8), i);
            batch.Put(StoreKeys.TxKey(txHashes[i]), loc);
        }
        batch.Put(StoreKeys.LatestHeight, StoreKeys.EncodeHeight(height));
        return exact;
    }

    /// <summary>
    /// Adds the event-index keys of a committed block (one per indexed event attribute per tx) and the new indexed
    /// height to <paramref name="batch"/>, the keys in ascending order (<see cref="EventKeyWriter"/>; the indexer keeps
    /// one writer for all blocks). Idempotent: indexing a block twice writes the same keys.
    /// </summary>
    public static void AppendEvents(IWriteBatch batch, BlockResults results) => new EventKeyWriter().AppendTo(batch, results);
}
