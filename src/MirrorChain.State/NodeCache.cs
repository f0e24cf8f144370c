using MirrorChain.Core;

namespace MirrorChain.State;

/// <summary>
/// A bounded cache of decoded nodes by hash (two generations: a full young generation becomes the old one and
/// the previous old one is dropped; hits in the old generation move back to the young one). Nodes are immutable
/// and content-addressed, so a hit is always the same node a store read would give: results never depend on
/// what is cached. The dictionaries are only looked up, never iterated. Thread-safe.
/// </summary>
internal sealed class NodeCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly int _generationSize = Math.Max(0, capacity / 2);
    private Dictionary<byte[], TreeNode> _young = new(ByteArrayComparer.Instance);
    private Dictionary<byte[], TreeNode> _old = new(ByteArrayComparer.Instance);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _young.Count + _old.Count;
            }
        }
    }

    public bool TryGet(byte[] hash, out TreeNode node)
    {
        lock (_lock)
        {
            if (_young.TryGetValue(hash, out node!))
            {
                return true;
            }
            if (_old.Remove(hash, out node!))
            {
                AddLocked(hash, node);
                return true;
            }
            return false;
        }
    }

    public void Add(byte[] hash, TreeNode node)
    {
        lock (_lock)
        {
            AddLocked(hash, node);
        }
    }

    private void AddLocked(byte[] hash, TreeNode node)
    {
        if (_generationSize == 0)
        {
            return;
        }
        if (_young.Count >= _generationSize && !_young.ContainsKey(hash))
        {
            _old = _young;
            _young = new Dictionary<byte[], TreeNode>(ByteArrayComparer.Instance);
        }
        _young[hash] = node;
    }
}
