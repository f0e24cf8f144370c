namespace MirrorChain.Storage;

/// <summary>A RocksDB snapshot with read options bound to it. Safe for concurrent reads until disposed.</summary>
internal sealed class RocksDbSnapshot : IKeyValueSnapshot
{
    private readonly RocksDbStore _store;
    private readonly SnapshotHandle _snapshot;
    private readonly ReadOptionsHandle _readOptions;
    private int _disposed;

    internal RocksDbSnapshot(RocksDbStore store, SnapshotHandle snapshot)
    {
        _store = store;
        _snapshot = snapshot;
        _readOptions = RocksDbNative.rocksdb_readoptions_create();
        RocksDbNative.rocksdb_readoptions_set_snapshot(_readOptions, snapshot);
        _readOptions.Retain(snapshot);
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

    /// <summary>Releases the native snapshot (idempotent); the store calls it directly while disposing.</summary>
    internal void ReleaseHandles()
    {
        Volatile.Write(ref _disposed, 1);
        _readOptions.Dispose();
        _snapshot.Dispose();
    }
}
