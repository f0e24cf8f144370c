namespace MirrorChain.Storage;

/// <summary>A durable ordered key-value store whose only write path is an atomic batch.</summary>
public interface IKeyValueStore : IKeyValueReader, IDisposable
{
    IWriteBatch CreateBatch();

    /// <summary>Writes the whole batch atomically (all or nothing), WAL on; <paramref name="sync"/> also fsyncs.</summary>
    void Write(IWriteBatch batch, bool sync = false);

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
