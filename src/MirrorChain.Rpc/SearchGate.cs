namespace MirrorChain.Rpc;

/// <summary>
/// Bounds how many expensive queries (tx_search, the LCD's tx search by events) run at once on one server. Over the
/// bound a caller is refused at once, never queued, so a burst of searches cannot pile up work or memory.
/// </summary>
public sealed class SearchGate
{
    private readonly SemaphoreSlim _slots;

    public SearchGate(int maxConcurrent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        MaxConcurrent = maxConcurrent;
        _slots = new SemaphoreSlim(maxConcurrent, maxConcurrent);
    }

    public int MaxConcurrent { get; }

    /// <summary>The text clients get when every slot is taken.</summary>
    public string BusyMessage(string what) =>
        $"too many concurrent {what} requests: at most {MaxConcurrent} run at once on this node; retry later";

    /// <summary>A slot to dispose when the query ends, or null when all <see cref="MaxConcurrent"/> are taken.</summary>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
