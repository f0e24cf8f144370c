using MirrorChain.State;
using MirrorChain.Tests;

namespace MirrorChain.Node.Tests;

/// <summary>
/// A memory store that counts reads of tree nodes (0x02 entries) and flat state values (0x01) separately for the
/// state prefetcher's thread and for every other thread, and can make the prefetch thread's reads of either fail.
/// </summary>
internal sealed class PrefetchReadCountingStore(MemoryKeyValueStore inner) : ForwardingStore<MemoryKeyValueStore>(inner)
{
    private readonly int[] _reads = new int[4]; // index: (prefetch thread ? 2 : 0) + (tree node ? 1 : 0)

    public bool FailPrefetchReads { get; set; }

    public int Reads(bool prefetchThread, bool nodes) => Volatile.Read(ref _reads[(prefetchThread ? 2 : 0) + (nodes ? 1 : 0)]);

    public void Reset() => Array.Clear(_reads);

    public override byte[]? Get(ReadOnlySpan<byte> key)
    {
        if (key.Length > 0 && key[0] is StateStoreKeys.Node or StateStoreKeys.Flat)
        {
            var prefetch = Thread.CurrentThread.Name == "state prefetch";
            Interlocked.Increment(ref _reads[(prefetch ? 2 : 0) + (key[0] == StateStoreKeys.Node ? 1 : 0)]);
            if (prefetch && FailPrefetchReads)
            {
                throw new IOException("injected prefetch read failure");
            }
        }
        return Inner.Get(key);
    }
}
