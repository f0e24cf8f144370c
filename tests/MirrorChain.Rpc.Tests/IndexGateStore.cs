using MirrorChain.Storage;

namespace MirrorChain.Rpc.Tests;

/// <summary>A memory store whose event-indexer writes (made on <see cref="EventIndexer.ThreadName"/>) wait at <see cref="Gate"/>.</summary>
internal sealed class IndexGateStore() : ForwardingStore<MemoryKeyValueStore>(new MemoryKeyValueStore())
{
    public ManualResetEventSlim Gate { get; } = new(initialState: true);

    public override void Write(IWriteBatch batch, bool sync = false)
    {
        if (Thread.CurrentThread.Name == EventIndexer.ThreadName)
        {
            Gate.Wait();
        }
        Inner.Write(batch, sync);
    }

    protected override void DisposeWrapper()
    {
        Gate.Set(); // never leave the indexer parked
        Gate.Dispose();
    }
}
