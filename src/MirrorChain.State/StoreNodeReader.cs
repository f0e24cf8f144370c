using MirrorChain.Storage;

namespace MirrorChain.State;

/// <summary>Reads tree nodes from their 0x02 entries in a key-value store.</summary>
public sealed class StoreNodeReader(IKeyValueReader store) : INodeReader
{
    public byte[]? ReadNode(byte[] hash) => store.Get(StateStoreKeys.NodeKey(hash));
}
