using System.Collections.Concurrent;

namespace MirrorChain.Node;

/// <summary>
/// A few dedicated threads at a lower scheduling priority (<see cref="BackgroundPriority"/>) for signature checks
/// that must not hold a core the block in progress needs: CheckTx's checks of txs still arriving. On two cores, a burst of broadcasts otherwise keeps both cores
/// verifying while the block thread waits its turn. The work goes on at full speed whenever a core is free, and
/// gives the same answers as on the calling thread (the checks are pure). Callers block until their work is done.
/// </summary>
internal sealed class LowPriorityWorkers : IDisposable
{
    private readonly BlockingCollection<Job> _queue = new();
    private readonly Thread[] _workers;
    private int _disposed;

    [ThreadStatic]
    private static Job? CallerJob; // one outstanding single job per calling thread, reused

    public LowPriorityWorkers(int threads, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _workers = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"{name} {i}" };
            _workers[i].Start();
        }
    }

    /// <summary>The number of worker threads.</summary>
    public int Threads => _workers.Length;

    /// <summary>Runs <paramref name="check"/> on a worker and returns its answer (or throws what it threw, wrapped).</summary>
    public bool Run(Func<bool> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var job = CallerJob ??= new Job();
        var answer = false;
        job.Reset(() => answer = check());
        if (!TryAdd(job))
        {
            return check(); // closing: answer on the calling thread
        }
        job.Done.Wait();
        Rethrow(job);
        return answer;
    }

    private bool TryAdd(Job job)
    {
        try
        {
            _queue.Add(job);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // adding completed or disposed (ObjectDisposedException is one too)
        }
    }

    private static void Rethrow(Job job)
    {
        if (job.Error is { } error)
        {
            throw new InvalidOperationException($"a low-priority check failed: {error.Message}", error);
        }
    }

    private void Work()
    {
        BackgroundPriority.LowerCurrentThread();
        foreach (var job in _queue.GetConsumingEnumerable())
        {
            RunHere(job);
        }
    }

    private static void RunHere(Job job)
    {
        try
        {
            job.Work!();
        }
        catch (Exception e)
        {
            job.Error = e;
        }
        job.Done.Set();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _queue.CompleteAdding(); // workers finish what is queued, then stop
        foreach (var worker in _workers)
        {
            worker.Join();
        }
        _queue.Dispose();
    }

    private sealed class Job
    {
        public ManualResetEventSlim Done { get; } = new(false, spinCount: 1);
        public Action? Work { get; private set; }
        public Exception? Error { get; set; }

        public void Reset(Action work)
        {
            Work = work;
            Error = null;
            Done.Reset();
        }
    }
}
