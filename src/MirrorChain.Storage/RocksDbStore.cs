using MirrorChain.Core;

namespace MirrorChain.Storage;

/// <summary>
/// <see cref="IKeyValueStore"/> on RocksDB (one default column family, keys separated by prefixes).
/// Safe for concurrent reads, snapshots and iterators alongside one writer. The WAL is always on, so a
/// written batch survives a process crash; <c>sync: true</c> also survives a machine crash.
/// Every native call passes a reader gate: <see cref="Dispose"/> shuts the gate, waits for the calls in flight
/// (each is short: one get, one iterator step, one write), then destroys every iterator and snapshot still open and
/// closes the database before it returns. Any later call — a new read, the next step of an open iterator, a snapshot
/// read — throws <see cref="ObjectDisposedException"/>; no native call ever runs after the database is freed.
/// </summary>
public sealed unsafe class RocksDbStore : IKeyValueStore
{
    private readonly DbHandle _db;
    private readonly ReadOptionsHandle _readOptions;
    private readonly WriteOptionsHandle _writeOptions;
    private readonly WriteOptionsHandle _syncWriteOptions;
    private readonly Lock _snapshotsLock = new();
    private readonly HashSet<RocksDbSnapshot> _snapshots = [];
    private readonly Lock _iteratorsLock = new();
    private readonly HashSet<IteratorHandle> _iterators = [];
    private int _disposed;
    private int _active;

    private RocksDbStore(string path, DbHandle db)
    {
        Path = path;
        _db = db;
        _readOptions = RocksDbNative.rocksdb_readoptions_create();
        _writeOptions = CreateWriteOptions(sync: false);
        _syncWriteOptions = CreateWriteOptions(sync: true);
    }

    public string Path { get; }

    /// <summary>
    /// Opens (creating if missing) the database in <paramref name="path"/>. Throws
    /// <see cref="StoreLockedException"/> if another process or open store holds the directory's lock.
    /// </summary>
    public static RocksDbStore Open(string path, RocksDbSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        settings ??= RocksDbSettings.Default;
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(fullPath);

        using var options = RocksDbNative.rocksdb_options_create();
        RocksDbNative.rocksdb_options_set_create_if_missing(options, 1);
        RocksDbNative.rocksdb_options_increase_parallelism(options, settings.Parallelism);
        RocksDbNative.rocksdb_options_set_keep_log_file_num(options, (nuint)settings.KeepLogFiles);
        using (var table = RocksDbNative.rocksdb_block_based_options_create())
        using (var cache = RocksDbNative.rocksdb_cache_create_lru((nuint)settings.BlockCacheBytes))
        {
            RocksDbNative.rocksdb_block_based_options_set_block_cache(table, cache);
            if (settings.BloomBitsPerKey > 0)
            {
                RocksDbNative.rocksdb_block_based_options_set_filter_policy(
                    table, RocksDbNative.rocksdb_filterpolicy_create_bloom(settings.BloomBitsPerKey));
            }
            RocksDbNative.rocksdb_options_set_block_based_table_factory(options, table);
        }

        nint err = 0;
        var db = RocksDbNative.rocksdb_open(options, fullPath, &err);
        if (RocksDbNative.TakeError(err) is { } message)
        {
            db.Dispose();
            if (message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                throw new StoreLockedException(fullPath, message);
            }
            throw new RocksDbException($"cannot open the database at '{fullPath}': {message}");
        }
        return new RocksDbStore(fullPath, db);
    }

    public byte[]? Get(ReadOnlySpan<byte> key) => GetCore(_readOptions, key);

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false)
    {
        ThrowIfDisposed();
        return RangeCore(null, start, end, reverse);
    }

    public IWriteBatch CreateBatch()
    {
        ThrowIfDisposed();
        return new RocksDbWriteBatch();
    }

    public void Write(IWriteBatch batch, bool sync = false)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch is not RocksDbWriteBatch native)
        {
            throw new ArgumentException($"a {batch.GetType().Name} cannot be written to a RocksDB store; use CreateBatch()", nameof(batch));
        }
        Enter();
        nint err = 0;
        try
        {
            RocksDbNative.rocksdb_write(_db, sync ? _syncWriteOptions : _writeOptions, native.Handle, &err);
        }
        finally
        {
            Exit();
        }
        RocksDbNative.Check(err);
    }

    public IKeyValueSnapshot GetSnapshot()
    {
        Enter();
        try
        {
            var handle = RocksDbNative.rocksdb_create_snapshot(_db);
            handle.Bind(_db);
            var snapshot = new RocksDbSnapshot(this, handle);
            lock (_snapshotsLock)
            {
                _snapshots.Add(snapshot);
            }
            return snapshot;
        }
        finally
        {
            Exit();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        // The gate is shut (no Enter succeeds from here on); wait for the native calls already inside it.
        var spin = new SpinWait();
        while (Volatile.Read(ref _active) != 0)
        {
            spin.SpinOnce(sleep1Threshold: 20);
        }
        IteratorHandle[] iterators;
        lock (_iteratorsLock)
        {
            iterators = [.. _iterators];
            _iterators.Clear();
        }
        foreach (var iterator in iterators)
        {
            iterator.Dispose();
        }
        RocksDbSnapshot[] open;
        lock (_snapshotsLock)
        {
            open = [.. _snapshots];
            _snapshots.Clear();
        }
        foreach (var snapshot in open)
        {
            snapshot.ReleaseHandles();
        }
        _readOptions.Dispose();
        _writeOptions.Dispose();
        _syncWriteOptions.Dispose();
        _db.Dispose();
    }

    /// <summary>Enters the reader gate; throws <see cref="ObjectDisposedException"/> once the store is disposed.</summary>
    internal void Enter()
    {
        ObjectDisposedException.ThrowIf(!TryEnter(), this);
    }

    /// <summary>Enters the reader gate unless the store is disposed (then false, and nothing to exit).</summary>
    internal bool TryEnter()
    {
        // Interlocked operations are full fences: either this sees _disposed set, or Dispose sees _active > 0 and waits.
        Interlocked.Increment(ref _active);
        if (Volatile.Read(ref _disposed) != 0)
        {
            Interlocked.Decrement(ref _active);
            return false;
        }
        return true;
    }

    internal void Exit() => Interlocked.Decrement(ref _active);

    internal void Forget(RocksDbSnapshot snapshot)
    {
        lock (_snapshotsLock)
        {
            _snapshots.Remove(snapshot);
        }
    }

    internal byte[]? GetCore(ReadOptionsHandle readOptions, ReadOnlySpan<byte> key)
    {
        Enter();
        nint err = 0;
        nuint length = 0;
        byte* value;
        try
        {
            fixed (byte* k = &RocksDbNative.Pin(key))
            {
                value = RocksDbNative.rocksdb_get(_db, readOptions, k, (nuint)key.Length, &length, &err);
            }
        }
        finally
        {
            Exit();
        }
        RocksDbNative.Check(err);
        if (value is null)
        {
            return null;
        }
        try
        {
            return RocksDbNative.Copy(value, length);
        }
        finally
        {
            RocksDbNative.rocksdb_free(value);
        }
    }

    internal IEnumerable<KeyValuePair<byte[], byte[]>> RangeCore(SnapshotHandle? snapshot, byte[] start, byte[]? end, bool reverse)
    {
        ArgumentNullException.ThrowIfNull(start);
        return Iterate(snapshot, (byte[])start.Clone(), (byte[]?)end?.Clone(), reverse);
    }

    // Lazy: the native iterator is created on the first MoveNext and destroyed when enumeration ends or the
    // enumerator is disposed (or by Dispose of the store, which then fails the iterator's next step). Bounds are
    // enforced by RocksDB (iterate_lower/upper_bound, which also lets it skip tombstones beyond them) and re-checked
    // here. Each step runs inside the reader gate.
    private IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(SnapshotHandle? snapshot, byte[] start, byte[]? end, bool reverse)
    {
        ThrowIfDisposed();
        var cmp = ByteArrayComparer.Instance;
        if (end is not null && cmp.Compare(start, end) >= 0)
        {
            yield break;
        }
        var iterator = OpenIterator(snapshot, start, end, reverse);
        try
        {
            while (Read(iterator) is { } entry)
            {
                if (reverse ? cmp.Compare(entry.Key, start) < 0 : end is not null && cmp.Compare(entry.Key, end) >= 0)
                {
                    break;
                }
                yield return entry;
                Move(iterator, reverse);
            }
        }
        finally
        {
            CloseIterator(iterator);
        }
    }

    /// <summary>The iterator's current entry, or null at its end (after checking its error). Inside the gate.</summary>
    private KeyValuePair<byte[], byte[]>? Read(IteratorHandle iterator)
    {
        Enter();
        try
        {
            if (RocksDbNative.rocksdb_iter_valid(iterator) == 0)
            {
                CheckIterator(iterator);
                return null;
            }
            var (key, value) = Current(iterator);
            return new KeyValuePair<byte[], byte[]>(key, value);
        }
        finally
        {
            Exit();
        }
    }

    private void Move(IteratorHandle iterator, bool reverse)
    {
        Enter();
        try
        {
            if (reverse)
            {
                RocksDbNative.rocksdb_iter_prev(iterator);
            }
            else
            {
                RocksDbNative.rocksdb_iter_next(iterator);
            }
        }
        finally
        {
            Exit();
        }
    }

    private void CloseIterator(IteratorHandle iterator)
    {
        if (TryEnter())
        {
            try
            {
                lock (_iteratorsLock)
                {
                    _iterators.Remove(iterator);
                }
                iterator.Dispose();
            }
            finally
            {
                Exit();
            }
        }
        // else: the store is disposed, and its Dispose destroyed (or is about to destroy) this iterator
    }

    private static void CheckIterator(IteratorHandle iterator)
    {
        nint err = 0;
        RocksDbNative.rocksdb_iter_get_error(iterator, &err);
        RocksDbNative.Check(err);
    }

    private IteratorHandle OpenIterator(SnapshotHandle? snapshot, byte[] start, byte[]? end, bool reverse)
    {
        Enter();
        try
        {
            using var readOptions = RocksDbNative.rocksdb_readoptions_create();
            if (snapshot is not null)
            {
                RocksDbNative.rocksdb_readoptions_set_snapshot(readOptions, snapshot);
                readOptions.Retain(snapshot);
            }
            readOptions.SetBounds(start, end);
            var iterator = RocksDbNative.rocksdb_create_iterator(_db, readOptions);
            iterator.Retain(_db);
            iterator.Retain(readOptions);
            lock (_iteratorsLock)
            {
                _iterators.Add(iterator);
            }
            if (reverse)
            {
                RocksDbNative.rocksdb_iter_seek_to_last(iterator);
            }
            else
            {
                RocksDbNative.rocksdb_iter_seek_to_first(iterator);
            }
            return iterator;
        }
        finally
        {
            Exit();
        }
    }

    private static (byte[] Key, byte[] Value) Current(IteratorHandle iterator)
    {
        nuint keyLength = 0;
        nuint valueLength = 0;
        var key = RocksDbNative.rocksdb_iter_key(iterator, &keyLength);
        var value = RocksDbNative.rocksdb_iter_value(iterator, &valueLength);
        return (RocksDbNative.Copy(key, keyLength), RocksDbNative.Copy(value, valueLength));
    }

    private static WriteOptionsHandle CreateWriteOptions(bool sync)
    {
        var options = RocksDbNative.rocksdb_writeoptions_create();
        RocksDbNative.rocksdb_writeoptions_disable_WAL(options, 0);
        RocksDbNative.rocksdb_writeoptions_set_sync(options, sync ? (byte)1 : (byte)0);
        return options;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
