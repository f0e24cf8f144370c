using MirrorChain.Storage;

namespace MirrorChain.Rpc.Tests;

/// <summary>An <see cref="IKeyValueStore"/> that counts point reads of blocks and block results (each one is a decode).</summary>
internal sealed class CountingStore(IKeyValueStore inner) : ForwardingStore<IKeyValueStore>(inner)
{
    private int _blockReads;
    private int _resultsReads;

    public int BlockReads => Volatile.Read(ref _blockReads);

    public int ResultsReads => Volatile.Read(ref _resultsReads);

    public void ResetCounts()
    {
        Volatile.Write(ref _blockReads, 0);
        Volatile.Write(ref _resultsReads, 0);
    }

    public override byte[]? Get(ReadOnlySpan<byte> key)
    {
        if (key.Length == 9 && key[0] == StoreKeys.Block)
        {
            Interlocked.Increment(ref _blockReads);
        }
        else if (key.Length == 9 && key[0] == StoreKeys.Results)
        {
            Interlocked.Increment(ref _resultsReads);
        }
        return Inner.Get(key);
    }
}
