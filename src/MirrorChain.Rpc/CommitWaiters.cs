using MirrorChain.Core;

namespace MirrorChain.Rpc;

/// <summary>
/// broadcast_tx_commit waiters by tx hash: one shared waiter per hash, reference-counted, so every caller waiting for
/// the same tx gets its result (a second caller never replaces or removes the first one's waiter).
/// </summary>
internal sealed class CommitWaiters
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Hash32, Entry> _entries = new();

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

    /// <summary>Joins the waiter for a tx hash given as hex (as RPC clients write it).</summary>
    public Task<IndexedTx> Register(string hexKey) => Register(Key(hexKey));

    public void Unregister(string hexKey) => Unregister(Key(hexKey));

    public void Complete(string hexKey, IndexedTx tx) => Complete(Key(hexKey), tx);

    private static Hash32 Key(string hex) => Hash32.FromBytes(Hex.Decode(hex));

    /// <summary>Joins (or creates) the waiter for <paramref name="key"/>; pair every call with <see cref="Unregister(Hash32)"/>.</summary>
    public Task<IndexedTx> Register(Hash32 key)
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

    public void Unregister(Hash32 key)
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
    public void Complete(Hash32 key, IndexedTx tx) => Complete(key, tx, static (_, t) => t);

    /// <summary>
    /// Wakes every caller waiting for <paramref name="key"/> with <paramref name="result"/>(key, <paramref name="state"/>),
    /// built only when someone waits.
    /// </summary>
    public void Complete<TState>(Hash32 key, TState state, Func<Hash32, TState, IndexedTx> result)
    {
        Entry? entry;
        lock (_lock)
        {
            _entries.TryGetValue(key, out entry);
        }
        entry?.Result.TrySetResult(result(key, state));
    }

    private sealed class Entry
    {
        public TaskCompletionSource<IndexedTx> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int References { get; set; }
    }
}
