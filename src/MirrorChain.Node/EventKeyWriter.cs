using System.Buffers.Binary;
using System.Text;
using MirrorChain.Storage;

namespace MirrorChain.Node;

/// <summary>
/// Builds a block's event-index keys (<see cref="StoreKeys.EventKey"/>'s bytes: <c>0x14 ‖ "type.key" 0x00 value
/// 0x00 ‖ height(8 BE) ‖ index(4 BE)</c>) into one reused buffer and puts them into a batch in ascending byte order,
/// for the <see cref="EventIndexer"/>, which writes ~28 of them per bank send:
/// <list type="bullet">
/// <item>no string concatenation and no array per key: each key is encoded straight into the buffer, the event
/// type once per event. Encoding <c>type</c>, <c>"."</c> and <c>key</c> one after the other gives the bytes of
/// UTF-8(<c>type + "." + key</c>): the ASCII dot between them keeps any unpaired surrogate at either end unpaired,
/// so it is replaced the same way.</item>
/// <item>ascending order: RocksDB inserts a batch into its memtable (a skip list) in batch order, starting each
/// search from the previous insert's position, so sorted keys are inserted at about half the cost, sort included
/// (<c>EventIndexBenchmarks</c>). The keys and their values are the same, so the stored index is too.</item>
/// </list>
/// The buffers are kept from block to block (one writer per indexer thread). Not thread-safe.
/// </summary>
public sealed class EventKeyWriter
{
    private const int KeepBytes = 16 << 20; // a larger buffer left by an unusual block is dropped afterwards

    private readonly KeyOrder _order;
    private byte[] _type = new byte[64];   // 0x14 ‖ type ‖ '.' of the current event
    private int _typeLength;
    private byte[] _arena = new byte[1 << 16];
    private int _used;
    private (int Offset, int Length)[] _keys = new (int, int)[1024];
    private int _count;

    public EventKeyWriter() => _order = new KeyOrder(this);

    /// <summary>
    /// Puts the event-index keys of <paramref name="results"/> (one per indexed attribute with a key, per tx), in
    /// ascending order, and then the block's height as the indexed height, into <paramref name="batch"/>.
    /// </summary>
    public void AppendTo(IWriteBatch batch, BlockResults results)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(results);
        _used = 0;
        _count = 0;
        var height = results.Height;
        var txs = results.TxResults;
        for (var i = 0; i < txs.Count; i++)
        {
            var events = txs[i].Events;
            for (var j = 0; j < events.Count; j++)
            {
                var e = events[j];
                var attributes = e.Attributes;
                var started = false;
                for (var k = 0; k < attributes.Count; k++)
                {
                    var a = attributes[k];
                    if (a.Index && a.Key.Length > 0)
                    {
                        if (!started)
                        {
                            StartEvent(e.Type);
                            started = true;
                        }
                        AddKey(a.Key, a.Value, height, i);
                    }
                }
            }
        }
        Array.Sort(_keys, 0, _count, _order);
        for (var n = 0; n < _count; n++)
        {
            var (offset, length) = _keys[n];
            batch.Put(_arena.AsSpan(offset, length), []);
        }
        batch.Put(StoreKeys.IndexedHeight, StoreKeys.EncodeHeight(height));
        if (_arena.Length > KeepBytes)
        {
            _arena = new byte[1 << 16];
            _keys = new (int, int)[1024];
        }
    }

    private void StartEvent(string type)
    {
        var max = 2 + Encoding.UTF8.GetMaxByteCount(type.Length);
        if (max > _type.Length)
        {
            _type = new byte[max];
        }
        _type[0] = StoreKeys.EventIndex;
        var n = 1 + Encoding.UTF8.GetBytes(type, _type.AsSpan(1));
        _type[n++] = (byte)'.';
        _typeLength = n;
    }

    private void AddKey(string key, string value, long height, int index)
    {
        var max = _typeLength + Encoding.UTF8.GetMaxByteCount(key.Length) + Encoding.UTF8.GetMaxByteCount(value.Length) + 14;
        if (_used + max > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + max));
        }
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }
        var span = _arena.AsSpan(_used);
        _type.AsSpan(0, _typeLength).CopyTo(span);
        var n = _typeLength;
        n += Encoding.UTF8.GetBytes(key, span[n..]);
        span[n++] = 0;
        n += Encoding.UTF8.GetBytes(value, span[n..]);
        span[n++] = 0;
        BinaryPrimitives.WriteInt64BigEndian(span[n..], height);
        BinaryPrimitives.WriteInt32BigEndian(span[(n + 8)..], index);
        _keys[_count++] = (_used, n + 12);
        _used += n + 12;
    }

    /// <summary>Byte order of two keys in the arena (RocksDB's default comparator: unsigned bytes, shorter first on a tie).</summary>
    private sealed class KeyOrder(EventKeyWriter owner) : IComparer<(int Offset, int Length)>
    {
        public int Compare((int Offset, int Length) x, (int Offset, int Length) y) =>
            owner._arena.AsSpan(x.Offset, x.Length).SequenceCompareTo(owner._arena.AsSpan(y.Offset, y.Length));
    }
}
