using MirrorChain.Tests;

namespace MirrorChain.Node.Tests;

/// <summary>A memory store whose batch writes fail like a full disk once <see cref="FailWrites"/> is set.</summary>
internal sealed class FailingStore(MemoryKeyValueStore inner) : ForwardingStore<MemoryKeyValueStore>(inner)
{
    public bool FailWrites { get; set; }

    public override void Write(IWriteBatch batch, bool sync = false)
    {
        if (FailWrites)
        {
            throw new RocksDbException("IO error: No space left on device: While appending to file: 000042.log");
        }
        Inner.Write(batch, sync);
    }
}
