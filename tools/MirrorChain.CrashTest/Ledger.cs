namespace MirrorChain.CrashTest;

/// <summary>
/// What the clients know: every tx they saw committed (the promise the node must keep across crashes), and the
/// txs whose broadcast never got an answer. Thread-safe; senders write, the checker reads between cycles.
/// </summary>
internal sealed class Ledger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CommittedTx> _committed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InFlightTx> _inFlight = new(StringComparer.Ordinal);
    private long _maxCommittedHeight;

    public int CommittedCount
    {
        get
        {
            lock (_lock)
            {
                return _committed.Count;
            }
        }
    }

    /// <summary>Highest height a broadcast_tx_commit reply returned.</summary>
    public long MaxCommittedHeight => Interlocked.Read(ref _maxCommittedHeight);

    public void Sending(InFlightTx tx)
    {
        lock (_lock)
        {
            _inFlight[tx.Hash] = tx;
        }
    }

    /// <summary>CheckTx refused it: it can never be committed.</summary>
    public void Rejected(string hash)
    {
        lock (_lock)
        {
            _inFlight.Remove(hash);
        }
    }

    public void Committed(CommittedTx tx)
    {
        lock (_lock)
        {
            _inFlight.Remove(tx.Hash);
            _committed[tx.Hash] = tx;
        }
        long seen;
        do
        {
            seen = Interlocked.Read(ref _maxCommittedHeight);
        }
        while (tx.Height > seen && Interlocked.CompareExchange(ref _maxCommittedHeight, tx.Height, seen) != seen);
    }

    /// <summary>Sets the index found by the first chain read.</summary>
    public void SetIndex(string hash, int index)
    {
        lock (_lock)
        {
            if (_committed.TryGetValue(hash, out var tx) && tx.Index < 0)
            {
                _committed[hash] = tx with { Index = index };
            }
        }
    }

    public IReadOnlyList<CommittedTx> CommittedSnapshot()
    {
        lock (_lock)
        {
            return [.. _committed.Values];
        }
    }

    /// <summary>Takes the unanswered txs (they are resolved against the chain after the restart).</summary>
    public IReadOnlyList<InFlightTx> TakeInFlight()
    {
        lock (_lock)
        {
            var list = _inFlight.Values.ToList();
            _inFlight.Clear();
            return list;
        }
    }

    public bool Contains(string hash)
    {
        lock (_lock)
        {
            return _committed.ContainsKey(hash);
        }
    }
}
