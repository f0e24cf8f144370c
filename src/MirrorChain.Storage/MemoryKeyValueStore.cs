using MirrorChain.Core;

namespace MirrorChain.Storage;

/// <summary>
/// In-memory twin of <see cref="RocksDbStore"/> for tests: same ordering, atomic batches and snapshot
/// isolation. Each written batch publishes a new immutable version; readers and snapshots never lock.
/// Returned arrays are copies, as from RocksDB.
/// </summary>
public sealed class MemoryKeyValueStore : IKeyValueStore
{
    private readonly Lock _writeLock = new();
    private SortedEntries _current = SortedEntries.Empty;
    private int _disposed;

    public int Count => Current.Count;

    private SortedEntries Current
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return Volatile.Read(ref _current);
        }
    }

    public byte[]? Get(ReadOnlySpan<byte> key) => Current.Get(key);

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false)
    {
        ArgumentNullException.ThrowIfNull(start);
        _ = Current;
        return Iterate((byte[])start.Clone(), (byte[]?)end?.Clone(), reverse);
    }

    // Like a RocksDB iterator, the version is taken when enumeration starts, not when Range is called.
    private IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(byte[] start, byte[]? end, bool reverse)
    {
        foreach (var entry in Current.Range(start, end, reverse))
        {
            yield return entry;
        }
    }

    public IWriteBatch CreateBatch()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return new MemoryWriteBatch();
    }

    public void Write(IWriteBatch batch, bool sync = false)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch is not MemoryWriteBatch memory)
        {
            throw new ArgumentException($"a {batch.GetType().Name} cannot be written to a memory store; use CreateBatch()", nameof(batch));
        }
        // Later operations on the same key win, as in a RocksDB batch.
        var changes = new SortedDictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
        foreach (var (key, value) in memory.Operations)
        {
            changes[key] = value;
        }
        lock (_writeLock)
        {
            var current = Current;
            Volatile.Write(ref _current, current.With(changes));
        }
    }

    public IKeyValueSnapshot GetSnapshot() => new MemorySnapshot(Current);

    public void Dispose() => Volatile.Write(ref _disposed, 1);
}
