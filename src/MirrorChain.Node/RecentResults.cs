namespace MirrorChain.Node;

/// <summary>
/// The results of the last few blocks this node committed, as <see cref="BlockStore.GetResults"/> would decode them
/// from the store: <c>block_results</c> and <c>tx</c> of the head (the commit watcher of a client asks for every new
/// block) are answered without decoding. Filled only after a block's write succeeded, and only with results whose
/// stored encoding gives them back exactly; in memory only, so a restarted node starts empty and decodes. One slot
/// per height modulo the capacity; each entry carries its height, so a slot taken by another height answers nothing.
/// Lock-free: a reader sees a whole entry or the previous one.
/// </summary>
internal sealed class RecentResults(int capacity)
{
    private readonly Entry?[] _slots = new Entry?[capacity];

    public int Capacity => _slots.Length;

    public BlockResults? Get(long height)
    {
        var entry = Volatile.Read(ref _slots[Slot(height)]);
        return entry is not null && entry.Height == height ? entry.Results : null;
    }

    public void Put(BlockResults results) => Volatile.Write(ref _slots[Slot(results.Height)], new Entry(results.Height, results));

    /// <summary>Drops what is kept for <paramref name="height"/>, if anything (its stored record differs from the results in memory).</summary>
    public void Forget(long height)
    {
        ref var slot = ref _slots[Slot(height)];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && entry.Height == height)
        {
            Interlocked.CompareExchange(ref slot, null, entry);
        }
    }

    private int Slot(long height) => (int)((ulong)height % (ulong)_slots.Length);

    private sealed record Entry(long Height, BlockResults Results);
}
