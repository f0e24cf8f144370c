namespace MirrorChain.Node;

/// <summary>
/// Replay's signature-check threads: each takes txs of the oldest block whose checks are not all claimed yet
/// (<see cref="ReplaySignatureChecks"/>), so the block due next is finished first. One thread fewer than the cores
/// (at least one): the executing thread has a core of its own, and when it reaches a block before the checks are
/// done it checks the rest itself (<see cref="ReplaySignatureChecks.Await"/>) rather than waiting. They run at normal
/// priority: at a lower one (nice 10, as the admission checks of <see cref="LowPriorityWorkers"/>) they got almost
/// no CPU whenever anything else ran on the machine, and the executing thread then waited for them.
/// </summary>
internal sealed class ReplayVerifierThreads : IDisposable
{
    private readonly Queue<ReplaySignatureChecks> _blocks = new(); // under _gate, oldest first
    private readonly object _gate = new(); // Monitor.Wait needs an object lock
    private readonly Thread[] _threads;
    private bool _closed; // under _gate

    public ReplayVerifierThreads(int threads, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"{name} {i}" };
            _threads[i].Start();
        }
    }

    /// <summary>One thread fewer than the cores, at least one.</summary>
    public static int DefaultThreads => Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Queues a block's checks behind the ones already queued.</summary>
    public void Add(ReplaySignatureChecks checks)
    {
        lock (_gate)
        {
            _blocks.Enqueue(checks);
            Monitor.PulseAll(_gate);
        }
    }

    private void Work()
    {
        while (true)
        {
            ReplaySignatureChecks checks;
            lock (_gate)
            {
                while (_blocks.Count > 0 && !_blocks.Peek().HasUnclaimed)
                {
                    _blocks.Dequeue(); // claimed to the end (by us or by the executing thread)
                }
                if (_blocks.Count == 0)
                {
                    if (_closed)
                    {
                        return;
                    }
                    Monitor.Wait(_gate);
                    continue;
                }
                checks = _blocks.Peek();
            }
            while (checks.RunNext())
            {
            }
        }
    }

    /// <summary>Stops the threads after the blocks in progress; checks not claimed are left to their <see cref="ReplaySignatureChecks.Await"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }
            _closed = true;
            _blocks.Clear();
            Monitor.PulseAll(_gate);
        }
        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }
}
