using MirrorChain.Core;

namespace MirrorChain.State;

/// <summary>
/// A bounded cache of decoded nodes by hash, in two tiers by the node's depth in the tree:
/// <list type="bullet">
/// <item>upper (depth &lt; <see cref="UpperDepth"/>, at most 69 905 live nodes): every block walks through these, so
/// they are kept until replaced; half the capacity. Should stale ones (read for old versions) ever fill it, it
/// is emptied and refills from the next blocks.</item>
/// <item>lower (deeper nodes, mostly touched once in a long while): two generations; a full young generation
/// becomes the old one and the previous old one is dropped; hits in the old generation move back to the young
/// one. The other half of the capacity.</item>
/// </list>
/// <see cref="Remove"/> drops a node a committed update replaced, so the tiers hold the live tree rather than old
/// versions of it. Nodes are immutable and content-addressed, so a hit is always the same node a store read
/// would give: results never depend on what is cached. The dictionaries are only looked up, never iterated.
/// Thread-safe. The total never exceeds the capacity.
/// </summary>
internal sealed class NodeCache
{
    /// <summary>Nodes at a depth below this go to the upper tier (1 + 16 + 256 + 4096 + 65 536 positions).</summary>
    public const int UpperDepth = 5;

    private readonly Lock _lock = new();
    private readonly int _upperCapacity;
    private readonly int _generationSize;
    private readonly Dictionary<byte[], TreeNode> _upper = new(ByteArrayComparer.Instance);
    private Dictionary<byte[], TreeNode> _young = new(ByteArrayComparer.Instance);
    private Dictionary<byte[], TreeNode> _old = new(ByteArrayComparer.Instance);

    /// <param name="capacity">Most nodes held in all (0 = none).</param>
    public NodeCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _upperCapacity = capacity / 2;
        _generationSize = (capacity - _upperCapacity) / 2;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _upper.Count + _young.Count + _old.Count;
            }
        }
    }

    /// <summary>Nodes held in the upper tier (diagnostics and tests).</summary>
    public int UpperCount
    {
        get
        {
            lock (_lock)
            {
                return _upper.Count;
            }
        }
    }

    public bool TryGet(byte[] hash, out TreeNode node)
    {
        lock (_lock)
        {
            if (_upper.TryGetValue(hash, out node!) || _young.TryGetValue(hash, out node!))
            {
                return true;
            }
            if (_old.Remove(hash, out node!))
            {
                AddLowerLocked(hash, node);
                return true;
            }
            return false;
        }
    }

    /// <summary>Caches <paramref name="node"/>, which sits at <paramref name="depth"/> (path length) in the tree.</summary>
    public void Add(byte[] hash, TreeNode node, int depth)
    {
        lock (_lock)
        {
            if (depth < UpperDepth)
            {
                AddUpperLocked(hash, node);
            }
            else
            {
                AddLowerLocked(hash, node);
            }
        }
    }

    /// <summary>
    /// An update in one lock: forgets <paramref name="replaced"/>, then caches <paramref name="nodes"/> (each at the
    /// depth of the same index in <paramref name="depths"/>).
    /// </summary>
    public void Update(IReadOnlyList<byte[]> replaced, IReadOnlyList<TreeNode> nodes, IReadOnlyList<int> depths)
    {
        lock (_lock)
        {
            foreach (var hash in replaced)
            {
                if (!_upper.Remove(hash) && !_young.Remove(hash))
                {
                    _old.Remove(hash);
                }
            }
            for (var i = 0; i < nodes.Count; i++)
            {
                if (depths[i] < UpperDepth)
                {
                    AddUpperLocked(nodes[i].Hash, nodes[i]);
                }
                else
                {
                    AddLowerLocked(nodes[i].Hash, nodes[i]);
                }
            }
        }
    }

    /// <summary>Forgets a node (one that a committed update replaced).</summary>
    public void Remove(byte[] hash)
    {
        lock (_lock)
        {
            if (!_upper.Remove(hash) && !_young.Remove(hash))
            {
                _old.Remove(hash);
            }
        }
    }

    private void AddUpperLocked(byte[] hash, TreeNode node)
    {
        if (_upperCapacity == 0)
        {
            return;
        }
        if (_upper.Count >= _upperCapacity && !_upper.ContainsKey(hash))
        {
            _upper.Clear();
        }
        _upper[hash] = node;
    }

    private void AddLowerLocked(byte[] hash, TreeNode node)
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
