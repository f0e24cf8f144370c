namespace MirrorChain.Node;

/// <summary>
/// One block's signature checks in replay's pipeline, taken one tx at a time by whoever comes first: the verifier
/// threads ahead of execution, and the executing thread itself when it reaches the block before they have finished
/// (<see cref="Await"/>). The executing thread never waits for a verifier: a tx still in progress on a verifier
/// thread (which the scheduler may have preempted) is checked again on the executing thread. The checks are pure,
/// so both compute the same answer and who checked which tx cannot change an answer.
/// </summary>
internal sealed class ReplaySignatureChecks
{
    private readonly int _count;
    private readonly Func<int, bool> _check;
    private readonly bool[] _ok;
    private readonly int[] _answered; // 1 once _ok[i] holds tx i's answer (written before it, read after it)
    private int _next; // the first index nobody has claimed

    /// <param name="count">The block's txs.</param>
    /// <param name="check">The check of tx i (pure: the same answer on any thread, any number of times).</param>
    public ReplaySignatureChecks(int count, Func<int, bool> check)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _count = count;
        _check = check;
        _ok = new bool[count];
        _answered = new int[count];
    }

    /// <summary>Whether some txs are not claimed yet.</summary>
    public bool HasUnclaimed => Volatile.Read(ref _next) < _count;

    /// <summary>
    /// Claims and checks the next tx; false when nothing was left to claim. A check that throws leaves the tx
    /// unanswered: <see cref="Await"/> checks it again and throws there.
    /// </summary>
    public bool RunNext()
    {
        var i = Interlocked.Increment(ref _next) - 1;
        if (i >= _count)
        {
            return false;
        }
        try
        {
            _ok[i] = _check(i);
            Volatile.Write(ref _answered[i], 1);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // unanswered: the executing thread's own check throws it
        }
        return true;
    }

    /// <summary>
    /// Checks every tx nobody has claimed yet on the calling thread, then every tx not answered yet (in progress on
    /// a verifier thread, or failed there) again, and returns one answer per tx; a failing check throws.
    /// </summary>
    public bool[] Await()
    {
        while (RunNext())
        {
        }
        for (var i = 0; i < _count; i++)
        {
            if (Volatile.Read(ref _answered[i]) == 0)
            {
                bool answer;
                try
                {
                    answer = _check(i);
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException($"a signature check failed: {e.Message}", e);
                }
                _ok[i] = answer; // a verifier finishing the same tx later writes the same value
                Volatile.Write(ref _answered[i], 1);
            }
        }
        return _ok;
    }
}
