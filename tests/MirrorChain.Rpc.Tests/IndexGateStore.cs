using MirrorChain.Storage;

namespace MirrorChain.Rpc.Tests;

/// <summary>A memory store whose event-indexer writes (made on <see cref="EventIndexer.ThreadName"/>) wait at <see cref="Gate"/>.</summary>
internal sealed class IndexGateStore : IKeyValueStore
{
    private readonly MemoryKeyValueStore _inner = new();

    public ManualResetEventSlim Gate { get; } = new(initialState: true);

    public byte[]? Get(ReadOnlySpan<byte> key) => _inner.Get(key);

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) => _inner.Range(start, end, reverse);

    public IWriteBatch CreateBatch() => _inner.CreateBatch();

    public void Write(IWriteBatch batch, bool sync = false)
    {
        if (Thread.CurrentThread.Name == EventIndexer.ThreadName)
        {
            Gate.Wait();
        }
        _inner.Write(batch, sync);
    }

    public IKeyValueSnapshot GetSnapshot() => _inner.GetSnapshot();

    public void Dispose()
    {
        Gate.Set(); // never leave the indexer parked
        _inner.Dispose();
        Gate.Dispose();
    }
}
