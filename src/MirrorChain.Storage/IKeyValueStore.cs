namespace MirrorChain.Storage;

/// <summary>A durable ordered key-value store whose only write path is an atomic batch.</summary>
public interface IKeyValueStore : IKeyValueReader, IDisposable
{
    IWriteBatch CreateBatch();

    /// <summary>Writes the whole batch atomically (all or nothing), WAL on; <paramref name="sync"/> also fsyncs.</summary>
    void Write(IWriteBatch batch, bool sync = false);

    /// <summary>
    /// Writes the whole batch atomically without the write-ahead log, for data that can be rebuilt from what the
    /// logged writes hold (the event index). Readers see it at once, like any write; a process or machine crash loses
    /// it unless a memtable flush persisted it first. On RocksDB (one column family) what survives a crash is a
    /// prefix of these unlogged writes in write order, each batch whole or not at all: a batch goes into one memtable,
    /// and memtables are persisted whole and in the order they were filled. A clean close keeps everything. Stores
    /// without a log of their own write it as <see cref="Write"/> does.
    /// </summary>
    void WriteUnlogged(IWriteBatch batch) => Write(batch);

    /// <summary>A consistent point-in-time view; dispose it when done.</summary>
    IKeyValueSnapshot GetSnapshot();
}

public interface IKeyValueSnapshot : IKeyValueReader, IDisposable;

public interface IWriteBatch : IDisposable
{
    void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    void Delete(ReadOnlySpan<byte> key);

    int Count { get; }
}
