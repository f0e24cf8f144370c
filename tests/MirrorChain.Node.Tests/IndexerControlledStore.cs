using MirrorChain.Tests;

namespace MirrorChain.Node.Tests;

/// <summary>
/// A memory store that lets a test control the event indexer's writes (those made on its thread, named
/// <see cref="EventIndexer.ThreadName"/>): hold them at a gate, or fail them like a full disk. Block commits pass.
/// </summary>
internal sealed class IndexerControlledStore(MemoryKeyValueStore inner) : ForwardingStore<MemoryKeyValueStore>(inner)
{
    private int _failIndexWrites;

    /// <summary>Index writes wait here while it is reset.</summary>
    public ManualResetEventSlim IndexGate { get; } = new(initialState: true);

    /// <summary>How many of the next index writes fail (int.MaxValue: all of them).</summary>
    public int FailIndexWrites
    {
        get => Volatile.Read(ref _failIndexWrites);
        set => Volatile.Write(ref _failIndexWrites, value);
    }

    /// <summary>Index writes that got through.</summary>
    public int IndexWrites { get; private set; }

    public override void Write(IWriteBatch batch, bool sync = false)
    {
        if (Thread.CurrentThread.Name == EventIndexer.ThreadName)
        {
            IndexGate.Wait();
            var fail = FailIndexWrites;
            if (fail > 0)
            {
                if (fail != int.MaxValue)
                {
                    FailIndexWrites = fail - 1;
                }
                throw new RocksDbException("IO error: No space left on device: While appending to file: 000042.log");
            }
            IndexWrites++;
        }
        Inner.Write(batch, sync);
    }

    protected override void DisposeWrapper() => IndexGate.Dispose();
}
