namespace MirrorChain.Tests;

/// <summary>
/// A store that forwards every call to <see cref="Inner"/>: the base of the test stores that count, gate or fail
/// some reads or writes and override only those calls (included by the Node and Rpc test projects; the storage
/// types are named in full because only one of them imports their namespace globally).
/// </summary>
internal abstract class ForwardingStore<TInner>(TInner inner) : MirrorChain.Storage.IKeyValueStore
    where TInner : MirrorChain.Storage.IKeyValueStore
{
    public TInner Inner { get; } = inner;

    public virtual byte[]? Get(ReadOnlySpan<byte> key) => Inner.Get(key);

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false) => Inner.Range(start, end, reverse);

    public MirrorChain.Storage.IWriteBatch CreateBatch() => Inner.CreateBatch();

    public virtual void Write(MirrorChain.Storage.IWriteBatch batch, bool sync = false) => Inner.Write(batch, sync);

    public MirrorChain.Storage.IKeyValueSnapshot GetSnapshot() => Inner.GetSnapshot();

    public void Dispose()
    {
        DisposeWrapper();
        Inner.Dispose();
    }

    /// <summary>Releases what the wrapper itself holds, before <see cref="Inner"/> is disposed.</summary>
    protected virtual void DisposeWrapper()
    {
    }
}
