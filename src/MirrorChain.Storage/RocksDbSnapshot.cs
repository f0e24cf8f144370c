using RocksDbSharp;

namespace MirrorChain.Storage;

/// <summary>A RocksDB snapshot with read options bound to it. Safe for concurrent reads until disposed.</summary>
internal sealed class RocksDbSnapshot : IKeyValueSnapshot
{
    private readonly RocksDbStore _store;
    private readonly Snapshot _snapshot;
    private readonly ReadOptions _readOptions;
    private int _disposed;
    private int _released;

    internal RocksDbSnapshot(RocksDbStore store, Snapshot snapshot)
    {
        _store = store;
        _snapshot = snapshot;
        _readOptions = new ReadOptions().SetSnapshot(snapshot);
    }

    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _store.GetCore(_readOptions, key);
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _store.RangeCore(_snapshot, start, end, reverse);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        if (_store.TryEnter())
        {
            try
            {
                _store.Forget(this);
                ReleaseHandles();
            }
            finally
            {
                _store.Exit();
            }
        }
        // else: the store is disposed, and its Dispose released (or is about to release) this snapshot
    }

    /// <summary>
    /// Releases the native snapshot once (it needs the database, so always before the store closes it); the store
    /// calls it directly while disposing. The read options hold only a pointer to the snapshot and are freed by their
    /// finalizer (RocksDbSharp's ReadOptions has no Dispose).
    /// </summary>
    internal void ReleaseHandles()
    {
        Volatile.Write(ref _disposed, 1);
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _snapshot.Dispose();
        }
    }
}
