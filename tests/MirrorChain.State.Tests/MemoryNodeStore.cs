using MirrorChain.Core;

namespace MirrorChain.State.Tests;

/// <summary>Test node store: keeps every node of every applied update. Concurrent reads are safe; writes are not.</summary>
internal sealed class MemoryNodeStore : INodeReader
{
    private readonly Dictionary<byte[], byte[]> _nodes = new(ByteArrayComparer.Instance);

    public int Count => _nodes.Count;

    public byte[]? ReadNode(byte[] hash)
    {
        return _nodes.TryGetValue(hash, out var node) ? node : null;
    }

    public byte[] Persist(MerkleUpdate update)
    {
        foreach (var (hash, node) in update.NewNodes)
        {
            _nodes[hash] = node;
        }
        return update.Root;
    }
}
