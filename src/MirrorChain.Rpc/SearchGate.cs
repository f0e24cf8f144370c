namespace MirrorChain.Rpc;

/// <summary>
/// Bounds how many expensive queries (tx_search, the LCD's tx search by events) run at once on one server. Over the
/// bound a caller is refused at once, never queued, so a burst of searches cannot pile up work or memory.
/// </summary>
public sealed class SearchGate
{
    private int _inUse;

    public SearchGate(int maxConcurrent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        MaxConcurrent = maxConcurrent;
    }

    public int MaxConcurrent { get; }

    /// <summary>The text clients get when every slot is taken.</summary>
    public string BusyMessage(string what) =>
        $"too many concurrent {what} requests: at most {MaxConcurrent} run at once on this node; retry later";

    /// <summary>A slot to dispose when the query ends, or null when all <see cref="MaxConcurrent"/> are taken.</summary>
    /// <remarks>A counter rather than a SemaphoreSlim: nothing ever waits, so there is no wait handle to dispose.</remarks>
    public IDisposable? TryEnter()
    {
        while (true)
        {
            var inUse = Volatile.Read(ref _inUse);
            if (inUse >= MaxConcurrent)
            {
                return null;
            }
            if (Interlocked.CompareExchange(ref _inUse, inUse + 1, inUse) == inUse)
            {
                return new Slot(this);
            }
        }
    }

    private sealed class Slot(SearchGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref gate._inUse);
            }
        }
    }
}
