namespace MirrorChain.Node;

/// <summary>
/// Gives the block in progress precedence over admission (<see cref="NodeOptions.AdmissionChecksDuringBlock"/>): while
/// the producer builds and commits a block, at most <see cref="ChecksDuringBlock"/> CheckTxs run at once and further
/// broadcasts wait (0: all wait until the block is committed, as CometBFT 0.38's local ABCI client runs CheckTx under
/// the same mutex as FinalizeBlock and Commit, and its mempool is locked during Commit and Update). Outside a block
/// nothing waits. A check already running when a block starts finishes normally. Only the moment a CheckTx runs
/// changes, never its answer: it still sees the pending state of the latest committed block.
/// </summary>
public sealed class AdmissionGate
{
    private readonly Lock _lock = new();
    private int _running;
    private bool _blockInProgress;
    private TaskCompletionSource? _changed; // completed (and replaced) when a check leaves or the block ends

    /// <param name="checksDuringBlock">CheckTxs allowed at once while a block is produced: -1 = no limit (the gate is open), 0 = none, N ≥ 1 = N.</param>
    public AdmissionGate(int checksDuringBlock)
    {
        if (checksDuringBlock < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(checksDuringBlock), checksDuringBlock,
                "admission_checks_during_block must be -1 (no limit), 0 (admission waits for the block) or a positive number of CheckTxs");
        }
        ChecksDuringBlock = checksDuringBlock;
    }

    /// <summary>-1 = no limit, else the CheckTxs that may run at once while a block is produced.</summary>
    public int ChecksDuringBlock { get; }

    /// <summary>CheckTxs inside the gate now.</summary>
    public int Running
    {
        get
        {
            lock (_lock)
            {
                return _running;
            }
        }
    }

    /// <summary>Whether a block is being produced.</summary>
    public bool BlockInProgress
    {
        get
        {
            lock (_lock)
            {
                return _blockInProgress;
            }
        }
    }

    /// <summary>Enters without waiting when allowed now (then <see cref="Leave"/> must follow); false when the check must wait.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            return TryEnterLocked(out _);
        }
    }

    /// <summary>Enters, waiting while a block is in progress and the checks it allows are running.</summary>
    public void Enter()
    {
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (TryEnterLocked(out var changed))
                {
                    return;
                }
                wait = changed!;
            }
            // Task.Wait on a thread-pool thread lets the pool add a thread at once if it runs short (the RPC's
            // requests and the block's own Task.Run come from the same pool), unlike a plain wait handle.
            wait.Wait();
        }
    }

    /// <summary>Leaves after <see cref="Enter"/> or a successful <see cref="TryEnter"/>.</summary>
    public void Leave()
    {
        lock (_lock)
        {
            if (_running == 0)
            {
                throw new InvalidOperationException("AdmissionGate.Leave without a matching Enter");
            }
            _running--;
            SignalLocked();
        }
    }

    /// <summary>The producer starts a block: from now on new checks are limited.</summary>
    public void BlockStarted()
    {
        lock (_lock)
        {
            _blockInProgress = true;
        }
    }

    /// <summary>The block is committed (or failed): waiting checks go on.</summary>
    public void BlockEnded()
    {
        lock (_lock)
        {
            _blockInProgress = false;
            SignalLocked();
        }
    }

    private bool TryEnterLocked(out Task? changed)
    {
        if (!_blockInProgress || ChecksDuringBlock < 0 || _running < ChecksDuringBlock)
        {
            _running++;
            changed = null;
            return true;
        }
        _changed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed = _changed.Task;
        return false;
    }

    private void SignalLocked()
    {
        if (_changed is { } waiting)
        {
            _changed = null;
            waiting.SetResult();
        }
    }
}
