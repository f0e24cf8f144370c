namespace MirrorChain.Rpc;

/// <summary>
/// broadcast_tx_commit waiters by tx hash: one shared waiter per hash, reference-counted, so every caller waiting for
/// the same tx gets its result (a second caller never replaces or removes the first one's waiter).
/// </summary>
internal sealed class CommitWaiters
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count == 0;
            }
        }
    }

    /// <summary>Joins (or creates) the waiter for <paramref name="key"/>; pair every call with <see cref="Unregister"/>.</summary>
    public Task<IndexedTx> Register(string key)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _entries[key] = entry;
            }
            entry.References++;
            return entry.Result.Task;
        }
    }

    public void Unregister(string key)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && --entry.References == 0)
            {
                _entries.Remove(key);
            }
        }
    }

    /// <summary>Wakes every caller waiting for <paramref name="key"/>.</summary>
    public void Complete(string key, IndexedTx tx)
    {
        Entry? entry;
        lock (_lock)
        {
            _entries.TryGetValue(key, out entry);
        }
        entry?.Result.TrySetResult(tx);
    }

    private sealed class Entry
    {
        public TaskCompletionSource<IndexedTx> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int References { get; set; }
    }
}
