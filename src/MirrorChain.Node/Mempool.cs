using MirrorChain.Core;

namespace MirrorChain.Node;

/// <summary>
/// Txs that passed CheckTx and wait for a block, in arrival order, bounded by count and bytes in total and per
/// sender (so no single account can fill it). Thread-safe. It only holds and orders; validity is the caller's
/// CheckTx.
/// </summary>
public sealed class Mempool(int maxTxs, long maxBytes, int maxTxsPerSender = int.MaxValue, long maxBytesPerSender = long.MaxValue)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<MempoolTx> _order = new();
    private readonly Dictionary<string, LinkedListNode<MempoolTx>> _byHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Txs, long Bytes)> _bySender = new(StringComparer.Ordinal);
    private long _bytes;

    public int MaxTxs { get; } = maxTxs;

    public long MaxBytes { get; } = maxBytes;

    public int MaxTxsPerSender { get; } = maxTxsPerSender;

    public long MaxBytesPerSender { get; } = maxBytesPerSender;

    /// <summary>Txs and bytes <paramref name="sender"/> has waiting.</summary>
    public (int Txs, long Bytes) SenderUsage(string sender)
    {
        lock (_lock)
        {
            return _bySender.GetValueOrDefault(sender);
        }
    }

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
            return FullReasonLocked(size);
        }
    }

    private string? FullReasonLocked(int size)
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

    /// <summary>Appends a checked tx; false if it is already present or the pool is full.</summary>
    public bool TryAdd(MempoolTx tx) => TryAdd(tx, out _);

    /// <summary>
    /// Appends a checked tx; false with the reason if it is already present, the pool is full, or its sender
    /// already has <see cref="MaxTxsPerSender"/> txs or <see cref="MaxBytesPerSender"/> bytes waiting.
    /// </summary>
    public bool TryAdd(MempoolTx tx, out string? reason)
    {
        lock (_lock)
        {
            var key = Hex.Upper(tx.Hash);
            reason = _byHash.ContainsKey(key) ? "tx already exists in cache" : FullReasonLocked(tx.Bytes.Length);
            var usage = _bySender.GetValueOrDefault(tx.Sender);
            if (reason is null && tx.Sender.Length > 0)
            {
                if (usage.Txs >= MaxTxsPerSender)
                {
                    reason = $"sender {tx.Sender} already has {usage.Txs} txs in the mempool (max per sender: {MaxTxsPerSender})";
                }
                else if (usage.Bytes + tx.Bytes.Length > MaxBytesPerSender)
                {
                    reason = $"sender {tx.Sender} already has {usage.Bytes} bytes of txs in the mempool, + {tx.Bytes.Length} exceeds the max per sender {MaxBytesPerSender}";
                }
            }
            if (reason is not null)
            {
                return false;
            }
            _byHash[key] = _order.AddLast(tx);
            _bytes += tx.Bytes.Length;
            if (tx.Sender.Length > 0)
            {
                _bySender[tx.Sender] = (usage.Txs + 1, usage.Bytes + tx.Bytes.Length);
            }
            return true;
        }
    }

    /// <summary>
    /// The oldest txs whose total size (as CometBFT counts it: <see cref="BlockLimits.TxSize"/>) and gas wanted fit
    /// the limits (maxGas &lt; 0 = unlimited); stops at the first tx that does not fit, as CometBFT's
    /// <c>ReapMaxBytesMaxGas</c>.
    /// </summary>
    public IReadOnlyList<MempoolTx> Reap(long maxBytes, long maxGas)
    {
        lock (_lock)
        {
            var result = new List<MempoolTx>();
            long bytes = 0, gas = 0;
            foreach (var tx in _order)
            {
                var size = BlockLimits.TxSize(tx.Bytes.Length);
                if (bytes + size > maxBytes || (maxGas >= 0 && gas + tx.GasWanted > maxGas))
                {
                    break;
                }
                bytes += size;
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
            var sender = node.Value.Sender;
            if (sender.Length > 0 && _bySender.TryGetValue(sender, out var usage))
            {
                if (usage.Txs <= 1)
                {
                    _bySender.Remove(sender);
                }
                else
                {
                    _bySender[sender] = (usage.Txs - 1, usage.Bytes - node.Value.Bytes.Length);
                }
            }
        }
    }
}

/// <summary>A tx admitted to the mempool; <see cref="Sender"/> "" when the app did not name one (no per-sender limit).</summary>
public sealed record MempoolTx(byte[] Hash, byte[] Bytes, long GasWanted, string Sender = "");
