using MirrorChain.Core;

namespace MirrorChain.Node;

/// <summary>
/// Txs that passed CheckTx and wait for a block, in arrival order, bounded by count and bytes.
/// Thread-safe. It only holds and orders; validity is the caller's CheckTx.
/// </summary>
public sealed class Mempool(int maxTxs, long maxBytes)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<MempoolTx> _order = new();
    private readonly Dictionary<string, LinkedListNode<MempoolTx>> _byHash = new(StringComparer.Ordinal);
    private long _bytes;

    public int MaxTxs { get; } = maxTxs;

    public long MaxBytes { get; } = maxBytes;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _order.Count;
            }
        }
    }

    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    public bool Contains(byte[] hash)
    {
        lock (_lock)
        {
            return _byHash.ContainsKey(Hex.Upper(hash));
        }
    }

    /// <summary>Null when there is room for <paramref name="size"/> more bytes, else the reason it is full.</summary>
    public string? FullReason(int size)
    {
        lock (_lock)
        {
            if (_order.Count >= MaxTxs)
            {
                return $"mempool is full: number of txs {_order.Count} (max: {MaxTxs})";
            }
            if (_bytes + size > MaxBytes)
            {
                return $"mempool is full: total txs bytes {_bytes} + {size} exceeds max {MaxBytes}";
            }
            return null;
        }
    }

    /// <summary>Appends a checked tx; false if it is already present or the pool is full.</summary>
    public bool TryAdd(MempoolTx tx)
    {
        lock (_lock)
        {
            var key = Hex.Upper(tx.Hash);
            if (_byHash.ContainsKey(key) || _order.Count >= MaxTxs || _bytes + tx.Bytes.Length > MaxBytes)
            {
                return false;
            }
            _byHash[key] = _order.AddLast(tx);
            _bytes += tx.Bytes.Length;
            return true;
        }
    }

    /// <summary>The oldest txs whose total size and gas fit the limits (maxGas &lt; 0 = unlimited).</summary>
    public IReadOnlyList<MempoolTx> Reap(long maxBytes, long maxGas)
    {
        lock (_lock)
        {
            var result = new List<MempoolTx>();
            long bytes = 0, gas = 0;
            foreach (var tx in _order)
            {
                if (bytes + tx.Bytes.Length > maxBytes || (maxGas >= 0 && gas + tx.GasWanted > maxGas))
                {
                    break;
                }
                bytes += tx.Bytes.Length;
                gas += tx.GasWanted;
                result.Add(tx);
            }
            return result;
        }
    }

    public IReadOnlyList<MempoolTx> Snapshot(int limit)
    {
        lock (_lock)
        {
            return _order.Take(limit).ToList();
        }
    }

    /// <summary>
    /// After a block: drops the committed txs, then re-checks every remaining tx in order against the new state
    /// (<paramref name="recheck"/> returns false to evict). Returns the evicted txs.
    /// </summary>
    public IReadOnlyList<MempoolTx> Update(IEnumerable<byte[]> committedHashes, Func<MempoolTx, bool> recheck)
    {
        lock (_lock)
        {
            foreach (var h in committedHashes)
            {
                Remove(Hex.Upper(h));
            }
            var evicted = new List<MempoolTx>();
            foreach (var tx in _order.ToList())
            {
                if (!recheck(tx))
                {
                    Remove(Hex.Upper(tx.Hash));
                    evicted.Add(tx);
                }
            }
            return evicted;
        }
    }

    private void Remove(string key)
    {
        if (_byHash.Remove(key, out var node))
        {
            _order.Remove(node);
            _bytes -= node.Value.Bytes.Length;
        }
    }
}

/// <summary>A tx admitted to the mempool.</summary>
public sealed record MempoolTx(byte[] Hash, byte[] Bytes, long GasWanted);
