using System.Runtime.InteropServices;
using MirrorChain.Core;
using RocksDbSharp;
using Native = RocksDbSharp.Native;
using NativeRocksDbException = RocksDbSharp.RocksDbException;

namespace MirrorChain.Storage;

/// <summary>
/// <see cref="IKeyValueStore"/> on RocksDB (one default column family, keys separated by prefixes), through the
/// RocksDbSharp binding and the native librocksdb of the <c>RocksDB</c> NuGet package (see <see cref="RocksDbLibrary"/>).
/// Safe for concurrent reads, snapshots and iterators alongside one writer. <see cref="Write"/> always goes through
/// the WAL, so a written batch survives a process crash; <c>sync: true</c> also survives a machine crash.
/// <see cref="WriteUnlogged"/> skips the WAL, for data rebuilt from logged writes after a crash.
/// Every native call passes a reader gate: <see cref="Dispose"/> shuts the gate, waits for the calls in flight
/// (each is short: one get, one iterator step, one write), then destroys every iterator and snapshot still open and
/// closes the database before it returns. Any later call — a new read, the next step of an open iterator, a snapshot
/// read — throws <see cref="ObjectDisposedException"/>; no native call ever runs after the database is freed.
/// </summary>
public sealed unsafe class RocksDbStore : IKeyValueStore
{
    // A non-null pointer for empty spans: RocksDB builds a Slice from (ptr, len) and should never see null.
    private static readonly byte[] NonNullAnchor = new byte[1];

    private readonly Native _native;
    private readonly RocksDb _db;
    private readonly ReadOptions _readOptions = new();
    private readonly WriteOptions _writeOptions;
    private readonly WriteOptions _syncWriteOptions;
    private readonly WriteOptions _unloggedWriteOptions = new WriteOptions().DisableWal(1).SetSync(false);
    private readonly FlushOptions _flushOptions = new FlushOptions().SetWaitForFlush(true);
    private readonly Lock _snapshotsLock = new();
    private readonly HashSet<RocksDbSnapshot> _snapshots = [];
    private readonly Lock _iteratorsLock = new();
    private readonly HashSet<Iterator> _iterators = [];
    private int _disposed;
    private int _active;

    private RocksDbStore(string path, Native native, RocksDb db)
    {
        Path = path;
        _native = native;
        _db = db;
        _writeOptions = CreateWriteOptions(sync: false);
        _syncWriteOptions = CreateWriteOptions(sync: true);
    }

    public string Path { get; }

    /// <summary>
    /// Opens (creating if missing) the database in <paramref name="path"/>. Throws
    /// <see cref="StoreLockedException"/> if another process or open store holds the directory's lock, and
    /// <see cref="RocksDbException"/> naming the file and the runtime if the packaged native library does not load.
    /// </summary>
    public static RocksDbStore Open(string path, RocksDbSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        settings ??= RocksDbSettings.Default;
        var native = RocksDbLibrary.Load();
        if (settings.LowPriorityCompactions)
        {
            RocksDbBackgroundPriority.Lower(settings.LowPriorityFlushes);
        }
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(fullPath);

        var table = new BlockBasedTableOptions().SetBlockCache(Cache.CreateLru((ulong)settings.BlockCacheBytes));
        if (settings.BloomBitsPerKey > 0)
        {
            // the table options take ownership of the policy (RocksDbSharp never destroys it itself)
            table.SetFilterPolicy(BloomFilterPolicy.Create(settings.BloomBitsPerKey, false));
        }
        var options = new DbOptions()
            .SetCreateIfMissing(true)
            .IncreaseParallelism(settings.Parallelism)
            .SetKeepLogFileNum((ulong)settings.KeepLogFiles)
            .SetBlockBasedTableFactory(table);

        RocksDb db;
        try
        {
            db = RocksDb.Open(options, fullPath);
        }
        catch (NativeRocksDbException e)
        {
            if (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                throw new StoreLockedException(fullPath, e.Message);
            }
            throw new RocksDbException($"cannot open the database at '{fullPath}': {e.Message}");
        }
        return new RocksDbStore(fullPath, native, db);
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
        return new RocksDbWriteBatch(_native);
    }

    public void Write(IWriteBatch batch, bool sync = false) => WriteCore(batch, sync ? _syncWriteOptions : _writeOptions);

    /// <summary>
    /// Writes the batch with the WAL disabled (RocksDB <c>WriteOptions::disableWAL</c>): into the memtable only.
    /// A crash keeps a prefix of these writes in write order, each batch whole or not at all: a batch is inserted
    /// into one memtable; the store has one column family, so a flush persists whole memtables, installed in the
    /// order they were filled; the WAL replayed at open holds only the logged writes. A clean close flushes the
    /// memtables first (RocksDB does when unlogged data is pending and <c>avoid_flush_during_shutdown</c> is off, its
    /// default), so nothing is lost then.
    /// </summary>
    public void WriteUnlogged(IWriteBatch batch) => WriteCore(batch, _unloggedWriteOptions);

    /// <summary>Persists the memtables to table files and waits for it (RocksDB <c>DB::Flush</c>, wait on).</summary>
    public void Flush()
    {
        Enter();
        try
        {
            _db.Flush(_flushOptions);
        }
        catch (NativeRocksDbException e)
        {
            throw new RocksDbException($"flush failed: {e.Message}");
        }
        finally
        {
            Exit();
        }
    }

    private void WriteCore(IWriteBatch batch, WriteOptions options)
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
            _native.rocksdb_write(_db.Handle, options.Handle, native.Handle, out err);
        }
        finally
        {
            Exit();
        }
        Check(err);
    }

    public IKeyValueSnapshot GetSnapshot()
    {
        Enter();
        try
        {
            var snapshot = new RocksDbSnapshot(this, _db.CreateSnapshot());
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

    /// <summary>
    /// A numeric database property (RocksDB <c>DB::GetIntProperty</c> names such as <c>rocksdb.total-sst-files-size</c>,
    /// <c>rocksdb.live-sst-files-size</c>, <c>rocksdb.cur-size-all-mem-tables</c>); null when the property is unknown
    /// or the store is closed. Reads no data and takes no lock the writer waits for (for the metrics).
    /// </summary>
    public long? GetIntProperty(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!TryEnter())
        {
            return null;
        }
        try
        {
            return long.TryParse(_db.GetProperty(name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : null;
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
        // Child-first: iterators and snapshots before the database they point into.
        Iterator[] iterators;
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

    internal byte[]? GetCore(ReadOptions readOptions, ReadOnlySpan<byte> key)
    {
        Enter();
        nint err = 0;
        nuint length = 0;
        nint value;
        try
        {
            fixed (byte* k = &Pin(key))
            {
                value = _native.rocksdb_get(_db.Handle, readOptions.Handle, k, (nuint)key.Length, out length, out err);
            }
        }
        finally
        {
            Exit();
        }
        Check(err);
        if (value == 0)
        {
            return null;
        }
        try
        {
            return new ReadOnlySpan<byte>((void*)value, checked((int)length)).ToArray();
        }
        finally
        {
            _native.rocksdb_free(value);
        }
    }

    internal IEnumerable<KeyValuePair<byte[], byte[]>> RangeCore(Snapshot? snapshot, byte[] start, byte[]? end, bool reverse)
    {
        ArgumentNullException.ThrowIfNull(start);
        return Iterate(snapshot, (byte[])start.Clone(), (byte[]?)end?.Clone(), reverse);
    }

    /// <summary>A reference to pin with <c>fixed</c>, never null even for an empty span.</summary>
    internal static ref readonly byte Pin(ReadOnlySpan<byte> bytes) =>
        ref bytes.IsEmpty ? ref NonNullAnchor[0] : ref MemoryMarshal.GetReference(bytes);

    // Lazy: the native iterator is created on the first MoveNext and destroyed when enumeration ends or the
    // enumerator is disposed (or by Dispose of the store, which then fails the iterator's next step). Bounds are
    // enforced by RocksDB (iterate_lower/upper_bound, which also lets it skip tombstones beyond them) and re-checked
    // here. Each step runs inside the reader gate.
    private IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(Snapshot? snapshot, byte[] start, byte[]? end, bool reverse)
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
    private KeyValuePair<byte[], byte[]>? Read(Iterator iterator)
    {
        Enter();
        try
        {
            if (!iterator.Valid())
            {
                _native.rocksdb_iter_get_error(iterator.Handle, out var err);
                Check(err);
                return null;
            }
            return new KeyValuePair<byte[], byte[]>(iterator.GetKeySpan().ToArray(), iterator.GetValueSpan().ToArray());
        }
        finally
        {
            Exit();
        }
    }

    private void Move(Iterator iterator, bool reverse)
    {
        Enter();
        try
        {
            if (reverse)
            {
                iterator.Prev();
            }
            else
            {
                iterator.Next();
            }
        }
        finally
        {
            Exit();
        }
    }

    private void CloseIterator(Iterator iterator)
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

    private Iterator OpenIterator(Snapshot? snapshot, byte[] start, byte[]? end, bool reverse)
    {
        Enter();
        try
        {
            // RocksDbSharp copies the bounds into native memory owned by these options, and the iterator keeps a
            // reference to them, so the bounds outlive the iterator.
            var readOptions = new ReadOptions();
            if (snapshot is not null)
            {
                readOptions.SetSnapshot(snapshot);
            }
            if (start.Length > 0)
            {
                readOptions.SetIterateLowerBound(start);
            }
            if (end is not null)
            {
                readOptions.SetIterateUpperBound(end);
            }
            var iterator = _db.NewIterator(null, readOptions);
            lock (_iteratorsLock)
            {
                _iterators.Add(iterator);
            }
            if (reverse)
            {
                iterator.SeekToLast();
            }
            else
            {
                iterator.SeekToFirst();
            }
            return iterator;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Throws <see cref="RocksDbException"/> with RocksDB's message if <paramref name="err"/> is set (and frees it).</summary>
    private void Check(nint err)
    {
        if (err == 0)
        {
            return;
        }
        string message;
        try
        {
            message = Marshal.PtrToStringUTF8(err) ?? "unknown RocksDB error";
        }
        finally
        {
            _native.rocksdb_free(err);
        }
        throw new RocksDbException(message);
    }

    private static WriteOptions CreateWriteOptions(bool sync) => new WriteOptions().DisableWal(0).SetSync(sync);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
