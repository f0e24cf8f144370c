using MirrorChain.State;

namespace MirrorChain.Node;

/// <summary>
/// Loads the tree paths of the keys a block writes into the node cache while the block executes, on one
/// low-priority thread (<see cref="BackgroundPriority"/>), so that the block's Merkle update finds them in memory
/// (docs/state-growth.md "Prefetching the block's paths"; geth's core/state/trie_prefetcher.go does the same). The
/// block thread hands over each key as it enters the block's cache (<see cref="StateCache.KeyAdded"/>: at the end of
/// each tx) and ends the block's warmup before the update, which then reads whatever is still missing itself.
/// <para>
/// Only speed depends on it: the walks read the committed tree the block started from and only fill the node cache,
/// whose contents never change a result (<see cref="TreeWarmup"/>). A walk that throws is dropped (counted in
/// <see cref="Failures"/>): the block thread reads that path itself. When both cores are busy, the low priority makes
/// it yield to block production and admission, and a key not reached before the block's end is simply not prefetched.
/// </para>
/// </summary>
internal sealed class StatePrefetcher : IDisposable
{
    private readonly object _gate = new(); // Monitor: guards the fields below; the worker waits on it
    private readonly Queue<byte[]> _keys = new();
    private readonly bool _drainAtEnd;
    private Thread? _worker;
    private TreeWarmup? _warmup;
    private bool _busy;
    private bool _disposed;
    private long _failures;

    /// <param name="drainAtEnd">
    /// <see cref="End"/> waits until every handed-over key was walked (tests: exact counts); otherwise the keys not
    /// reached yet are dropped.
    /// </param>
    public StatePrefetcher(bool drainAtEnd = false) => _drainAtEnd = drainAtEnd;

    /// <summary>Walks that threw (the block read those paths itself).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Starts a block's warmup; keys handed to <see cref="Add"/> are walked in <paramref name="warmup"/> until <see cref="End"/>.</summary>
    public void Begin(TreeWarmup warmup)
    {
        ArgumentNullException.ThrowIfNull(warmup);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _warmup?.Stop();
            _keys.Clear();
            _warmup = warmup;
            if (_worker is null)
            {
                _worker = new Thread(Work) { IsBackground = true, Name = "state prefetch" };
                _worker.Start();
            }
        }
    }

    /// <summary>Queues <paramref name="key"/>'s path (the array is only read); ignored outside a block's warmup.</summary>
    public void Add(byte[] key)
    {
        lock (_gate)
        {
            if (_warmup is null)
            {
                return;
            }
            _keys.Enqueue(key);
            if (_keys.Count == 1)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>
    /// Ends the block's warmup: the keys not walked yet are dropped (or walked first, with drainAtEnd), and once this
    /// returns nothing more enters the node cache for this block.
    /// </summary>
    public void End()
    {
        TreeWarmup? warmup;
        lock (_gate)
        {
            while (_drainAtEnd && (_keys.Count > 0 || _busy) && !_disposed)
            {
                Monitor.Wait(_gate);
            }
            warmup = _warmup;
            _warmup = null;
            _keys.Clear();
        }
        warmup?.Stop(); // waits at most for a cache insert in flight, never for a read
    }

    private void Work()
    {
        BackgroundPriority.LowerCurrentThread();
        while (true)
        {
            byte[] key;
            TreeWarmup warmup;
            lock (_gate)
            {
                while ((_keys.Count == 0 || _warmup is null) && !_disposed)
                {
                    Monitor.Wait(_gate);
                }
                if (_disposed)
                {
                    return;
                }
                key = _keys.Dequeue();
                warmup = _warmup!;
                _busy = true;
            }
            try
            {
                warmup.WarmPath(key);
            }
            catch (Exception)
            {
                // A failed walk only means the block reads that path itself (a missing node fails the update there).
                Interlocked.Increment(ref _failures);
            }
            finally
            {
                lock (_gate)
                {
                    _busy = false;
                    if (_keys.Count == 0)
                    {
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }
    }

    public void Dispose()
    {
        Thread? worker;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _warmup?.Stop();
            _warmup = null;
            _keys.Clear();
            worker = _worker;
            Monitor.PulseAll(_gate);
        }
        worker?.Join();
    }
}
