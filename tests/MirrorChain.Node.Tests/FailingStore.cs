namespace MirrorChain.Node.Tests;

/// <summary>A memory store whose batch writes fail like a full disk once <see cref="FailWrites"/> is set.</summary>
internal sealed class FailingStore(MemoryKeyValueStore inner) : IKeyValueStore
{
    public bool FailWrites { get; set; }

    public MemoryKeyValueStore Inner { get; } = inner;

    public byte[]? Get(ReadOnlySpan<byte> key) => Inner.Get(key);

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) => Inner.Range(start, end, reverse);

    public IWriteBatch CreateBatch() => Inner.CreateBatch();

    public void Write(IWriteBatch batch, bool sync = false)
    {
        if (FailWrites)
        {
            throw new RocksDbException("IO error: No space left on device: While appending to file: 000042.log");
        }
        Inner.Write(batch, sync);
    }

    public IKeyValueSnapshot GetSnapshot() => Inner.GetSnapshot();

    public void Dispose() => Inner.Dispose();
}
