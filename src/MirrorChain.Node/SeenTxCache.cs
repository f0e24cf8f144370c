using MirrorChain.Core;

namespace MirrorChain.Node;

/// <summary>
/// CometBFT's mempool cache (mempool/cache.go <c>LRUTxCache</c>, config.toml <c>cache_size</c>): the hashes of
/// recently seen txs, least recently used dropped first. A tx whose hash is here is refused before CheckTx
/// ("tx already exists in cache"). Capacity 0 disables it (CometBFT's <c>NopTxCache</c>). Thread-safe.
/// </summary>
public sealed class SeenTxCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Hash32> _order = new();
    private readonly Dictionary<Hash32, LinkedListNode<Hash32>> _map = new();

    public int Capacity { get; } = capacity >= 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>Records the hash; false (and marks it recently used) when it was already there.</summary>
    public bool Push(byte[] hash) => Push(Hash32.FromBytes(hash));

    /// <summary>Records the hash; false (and marks it recently used) when it was already there.</summary>
    public bool Push(Hash32 key)
    {
        if (Capacity == 0)
        {
            return true;
        }
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddLast(node);
                return false;
            }
            if (_map.Count >= Capacity && _order.First is { } oldest)
            {
                _map.Remove(oldest.Value);
                _order.RemoveFirst();
            }
            _map[key] = _order.AddLast(key);
            return true;
        }
    }

    public void Remove(byte[] hash) => Remove(Hash32.FromBytes(hash));

    public void Remove(Hash32 hash)
    {
        if (Capacity == 0)
        {
            return;
        }
        lock (_lock)
        {
            if (_map.Remove(hash, out var node))
            {
                _order.Remove(node);
            }
        }
    }

    public bool Contains(byte[] hash) => Contains(Hash32.FromBytes(hash));

    public bool Contains(Hash32 hash)
    {
        lock (_lock)
        {
            return _map.ContainsKey(hash);
        }
    }
}
