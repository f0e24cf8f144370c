using MirrorChain.Core;
using MirrorChain.Tx;

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
    private readonly Dictionary<Hash32, LinkedListNode<MempoolTx>> _byHash = new();
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

    public bool Contains(byte[] hash) => Contains(Hash32.FromBytes(hash));

    public bool Contains(Hash32 hash)
    {
        lock (_lock)
        {
            return _byHash.ContainsKey(hash);
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
            var key = tx.TxHash;
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
    public IReadOnlyList<MempoolTx> Update(IEnumerable<byte[]> committedHashes, Func<MempoolTx, bool> recheck) =>
        Update(committedHashes.Select(h => Hash32.FromBytes(h)), recheck);

    /// <summary>The same with the committed hashes as values.</summary>
    public IReadOnlyList<MempoolTx> Update(IEnumerable<Hash32> committedHashes, Func<MempoolTx, bool> recheck)
    {
        lock (_lock)
        {
            RemoveCommitted(committedHashes);
            return Recheck(recheck);
        }
    }

    /// <summary>Drops the txs a block committed; returns those that were waiting here.</summary>
    public IReadOnlyList<MempoolTx> RemoveCommitted(IEnumerable<Hash32> committedHashes)
    {
        ArgumentNullException.ThrowIfNull(committedHashes);
        lock (_lock)
        {
            var removed = new List<MempoolTx>();
            foreach (var h in committedHashes)
            {
                if (_byHash.TryGetValue(h, out var node))
                {
                    removed.Add(node.Value);
                    Remove(h);
                }
            }
            return removed;
        }
    }

    /// <summary>Calls <paramref name="recheck"/> on every waiting tx in order; evicts (and returns) those it answers false for.</summary>
    public IReadOnlyList<MempoolTx> Recheck(Func<MempoolTx, bool> recheck)
    {
        ArgumentNullException.ThrowIfNull(recheck);
        lock (_lock)
        {
            var evicted = new List<MempoolTx>();
            foreach (var tx in _order.ToList())
            {
                if (!recheck(tx))
                {
                    Remove(tx.TxHash);
                    evicted.Add(tx);
                }
            }
            return evicted;
        }
    }

    private void Remove(Hash32 key)
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

/// <summary>
/// A tx admitted to the mempool: its <see cref="TxEnvelope"/> (hashed and decoded once at admission, reused by
/// recheck and block execution); <see cref="Sender"/> "" when the app did not name one (no per-sender limit).
/// </summary>
public sealed record MempoolTx(TxEnvelope Tx, long GasWanted, string Sender = "")
{
    /// <summary>An entry for raw bytes whose hash the caller computed (it must be SHA-256 of <paramref name="bytes"/>).</summary>
    public MempoolTx(byte[] hash, byte[] bytes, long gasWanted, string sender = "")
        : this(new TxEnvelope(bytes), gasWanted, sender)
    {
        if (!hash.AsSpan().SequenceEqual(Tx.HashBytes))
        {
            throw new ArgumentException("the hash is not the SHA-256 of the tx bytes", nameof(hash));
        }
    }

    /// <summary>The tx hash as bytes.</summary>
    public byte[] Hash => Tx.HashBytes;

    /// <summary>The tx hash as a value (the mempool's key).</summary>
    public Hash32 TxHash => Tx.Hash;

    public byte[] Bytes => Tx.Bytes;
}
