namespace MirrorChain.Node;

/// <summary>
/// One block's signature checks in replay's pipeline, taken a chunk of txs at a time by whoever comes first: the
/// verifier threads ahead of execution, and the executing thread itself when it reaches the block before they have
/// finished (<see cref="Await"/> checks what is left instead of waiting idle). Each answer is computed exactly once
/// and lands at its tx's index, so who checked which tx cannot change an answer.
/// </summary>
internal sealed class ReplaySignatureChecks
{
    /// <summary>Txs per claim: large enough that claiming costs nothing next to ~50 µs per check, small enough to share a block.</summary>
    internal const int ChunkSize = 8;

    private readonly int _count;
    private readonly Func<int, bool> _check;
    private readonly bool[] _ok;
    private readonly object _gate = new(); // Monitor.Wait needs an object lock
    private bool _finished; // under _gate
    private int _next; // the first index nobody has claimed
    private int _left; // answers still missing
    private Exception? _error;

    /// <param name="count">The block's txs.</param>
    /// <param name="check">The check of tx i (pure: the same answer on any thread).</param>
    public ReplaySignatureChecks(int count, Func<int, bool> check)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _count = count;
        _check = check;
        _ok = new bool[count];
        _left = count;
        _finished = count == 0;
    }

    /// <summary>Whether some txs are not claimed yet.</summary>
    public bool HasUnclaimed => Volatile.Read(ref _next) < _count;

    /// <summary>Claims and checks the next chunk; false when nothing was left to claim.</summary>
    public bool RunChunk()
    {
        var start = Interlocked.Add(ref _next, ChunkSize) - ChunkSize;
        if (start >= _count)
        {
            return false;
        }
        var end = Math.Min(start + ChunkSize, _count);
        try
        {
            for (var i = start; i < end; i++)
            {
                _ok[i] = _check(i);
            }
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _error, e, null);
        }
        if (Interlocked.Add(ref _left, start - end) == 0)
        {
            lock (_gate) // a full fence: every answer written by any thread is visible to the one that waited
            {
                _finished = true;
                Monitor.PulseAll(_gate);
            }
        }
        return true;
    }

    /// <summary>
    /// Checks every chunk nobody has claimed yet on the calling thread, waits for the chunks in progress elsewhere,
    /// and returns one answer per tx (or throws the first check's failure).
    /// </summary>
    public bool[] Await()
    {
        while (RunChunk())
        {
        }
        lock (_gate)
        {
            while (!_finished)
            {
                Monitor.Wait(_gate); // only chunks already running elsewhere: at most one chunk's time
            }
        }
        if (Volatile.Read(ref _error) is { } error)
        {
            throw new InvalidOperationException($"a signature check failed: {error.Message}", error);
        }
        return _ok;
    }
}
