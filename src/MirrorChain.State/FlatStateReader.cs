using MirrorChain.Storage;

namespace MirrorChain.State;

/// <summary>Latest state read from the flat 0x01 entries of a store or snapshot.</summary>
public sealed class FlatStateReader(IKeyValueReader store) : IStateReader
{
    private static readonly byte[] FlatEnd = [StateStoreKeys.Flat + 1];

    public byte[]? Get(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return store.Get(StateStoreKeys.FlatKey(key));
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false)
    {
        ArgumentNullException.ThrowIfNull(start);
        var from = StateStoreKeys.FlatKey(start);
        var to = end is null ? FlatEnd : StateStoreKeys.FlatKey(end);
        return store.Range(from, to, reverse).Select(static e => new KeyValuePair<byte[], byte[]>(e.Key[1..], e.Value));
    }
}
