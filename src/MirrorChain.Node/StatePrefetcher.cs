using MirrorChain.State;

namespace MirrorChain.Node;

/// <summary>
/// Loads what a block will need from the committed state while the block executes, on one low-priority thread
/// (<see cref="BackgroundPriority"/>; docs/state-growth.md "Prefetching"):
/// <list type="number">
/// <item>first the keys the app expects the txs to read (<see cref="IChainApplication.LikelyReads"/>, e.g. a bank
/// send's accounts and balances): each is read from the flat state (which brings its block into RocksDB's block
/// cache ahead of the tx that reads it) and its tree path is loaded (geth's core/state_prefetcher.go);</item>
/// <item>then the keys the block wrote: the block thread hands over each key as it enters the block's cache
/// (<see cref="StateCache.KeyAdded"/>: at the end of each tx), and its tree path is loaded into the node cache
/// (geth's core/state/trie_prefetcher.go).</item>
/// </list>
/// The block thread ends the block's warmup before the Merkle update, which then reads whatever is still missing.
/// <para>
/// Only speed depends on it: it reads the committed state and tree the block started from (nothing writes them
/// until the block commits, after <see cref="End"/>), and fills only the node cache and RocksDB's block cache, whose
/// contents never change a result (<see cref="TreeWarmup"/>). A read that throws is dropped (counted in
/// <see cref="Failures"/>): the block thread reads that key or path itself. When both cores are busy, the low
/// priority makes it yield to block production and admission, and what it has not reached by the block's end is
/// simply not prefetched.
/// </para>
/// </summary>
internal sealed class StatePrefetcher : IDisposable
{
    private readonly object _gate = new(); // Monitor: guards the fields below; the worker waits on it
    private readonly Queue<byte[]> _keys = new();
    private readonly bool _drainAtEnd;
    private Thread? _worker;
    private TreeWarmup? _warmup;
    private IStateReader? _committed;
    private Func<IEnumerable<byte[]>>? _likelyReads; // not started yet
    private IEnumerator<byte[]>? _hints;             // started: the worker's
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

    /// <summary>
    /// Starts a block's warmup: the keys <paramref name="likelyReads"/> gives (called on the worker) are read from
    /// <paramref name="committed"/> and their paths walked, then the keys handed to <see cref="Add"/>, all in
    /// <paramref name="warmup"/>, until <see cref="End"/>.
    /// </summary>
    public void Begin(TreeWarmup warmup, IStateReader committed, Func<IEnumerable<byte[]>>? likelyReads = null)
    {
        ArgumentNullException.ThrowIfNull(warmup);
        ArgumentNullException.ThrowIfNull(committed);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _warmup?.Stop();
            _keys.Clear();
            _warmup = warmup;
            _committed = committed;
            _likelyReads = likelyReads;
            _hints = null;
            if (likelyReads is not null)
            {
                Monitor.PulseAll(_gate);
            }
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
            while (_drainAtEnd && (_keys.Count > 0 || _busy || HintsLeft) && !_disposed)
            {
                Monitor.Wait(_gate);
            }
            warmup = _warmup;
            _warmup = null;
            _committed = null;
            _likelyReads = null;
            _hints = null;
            _keys.Clear();
        }
        warmup?.Stop(); // waits at most for a cache insert in flight, never for a read
    }

    // Hints of the current block not read yet (under the gate).
    private bool HintsLeft => _likelyReads is not null || _hints is not null;

    private void Work()
    {
        BackgroundPriority.LowerCurrentThread();
        while (true)
        {
            byte[]? key = null;
            TreeWarmup warmup;
            IStateReader committed;
            Func<IEnumerable<byte[]>>? start;
            IEnumerator<byte[]>? hints;
            lock (_gate)
            {
                while ((_warmup is null || (_keys.Count == 0 && !HintsLeft)) && !_disposed)
                {
                    Monitor.Wait(_gate);
                }
                if (_disposed)
                {
                    return;
                }
                warmup = _warmup!;
                committed = _committed!;
                start = _likelyReads;
                _likelyReads = null;
                hints = _hints;
                if (start is null && hints is null)
                {
                    key = _keys.Dequeue();
                }
                _busy = true;
            }
            try
            {
                if (key is not null)
                {
                    warmup.WarmPath(key);
                }
                else
                {
                    NextHint(warmup, committed, start, hints);
                }
            }
            catch (Exception)
            {
                // A failed read only means the block reads that key or path itself (a missing node fails it there).
                Interlocked.Increment(ref _failures);
            }
            finally
            {
                lock (_gate)
                {
                    _busy = false;
                    if (_keys.Count == 0 && !HintsLeft)
                    {
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }
    }

    // Reads the next likely read of the block (starting the hints first if need be): its flat value unless execution
    // read it already, then its path (the value says whether its leaf needs reading). The hints end (for this block)
    // when they run out or throw.
    private void NextHint(TreeWarmup warmup, IStateReader committed, Func<IEnumerable<byte[]>>? start, IEnumerator<byte[]>? hints)
    {
        var key = (byte[]?)null;
        try
        {
            hints ??= start!().GetEnumerator();
            if (hints.MoveNext())
            {
                key = hints.Current;
            }
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_warmup, warmup))
                {
                    _hints = key is null ? null : hints;
                }
            }
        }
        if (key is null)
        {
            hints?.Dispose();
            return;
        }
        // A key execution has read already (the prefetcher is behind) needs no flat read: only its path is loaded.
        if (!warmup.WasRead(key, out var exists))
        {
            exists = committed.Get(key) is not null;
        }
        warmup.WarmPath(key, exists);
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
            _likelyReads = null;
            _hints = null;
            _keys.Clear();
            worker = _worker;
            Monitor.PulseAll(_gate);
        }
        worker?.Join();
    }
}
