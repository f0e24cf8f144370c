using System.Diagnostics;
using System.Threading.Channels;
using MirrorChain.Storage;

namespace MirrorChain.Node;

/// <summary>
/// Writes the event index (the keys tx_search reads) off the block's critical path, as CometBFT's indexer service
/// does (state/txindex/indexer_service.go: fed by the event bus after the block is committed). The block's own
/// atomic batch holds the block, its results, the tx-hash and block-hash indexes, the state and the latest height;
/// this service then writes the block's event keys in a batch of its own together with the indexed height
/// (<see cref="StoreKeys.IndexedHeight"/>), on its own thread, in height order.
/// <list type="bullet">
/// <item>Fed through a bounded queue of committed blocks' results (<see cref="NodeOptions.EventIndexQueueBlocks"/>).
/// <see cref="Enqueue"/> never blocks block production: when the queue is full the block is not queued, and the
/// indexer later reads its results back from the store (the same path as the start-up repair), so memory stays
/// bounded and no block is skipped.</item>
/// <item>A failing index write is logged and retried (backing off up to 30 s), never dropped in silence; block
/// production is not affected.</item>
/// <item>Crash repair: the indexer starts at the stored indexed height and catches up to the latest height from
/// the stored block results, in the background while the node serves (tx_search waits for it:
/// <see cref="WaitForHeight"/>).</item>
/// <item><see cref="Stop"/> drains the queue within a time bound and abandons the rest; whatever is left is
/// re-indexed at the next start.</item>
/// </list>
/// The index is not state: nothing here touches the Merkle tree or the app hash.
/// </summary>
public sealed class EventIndexer : IDisposable
{
    /// <summary>Name of the indexer's thread (also lets tests and logs tell its writes apart).</summary>
    public const string ThreadName = "event-indexer";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly IKeyValueStore _db;
    private readonly BlockStore _blocks;
    private readonly Action<string>? _log;
    private readonly Channel<BlockResults> _queue;
    private readonly EventKeyWriter _keys = new(); // used by the indexer thread only
    private readonly CancellationTokenSource _abandon = new();
    private readonly object _progress = new(); // Monitor: waiters on the indexed height
    private readonly Thread _thread;
    private readonly int _queueBlocks;
    private long _indexedHeight;
    private long _committedHeight;
    private int _behind; // 1 while blocks are left out of the full queue (logged once per episode)
    private int _stopped;

    internal EventIndexer(IKeyValueStore db, BlockStore blocks, long indexedHeight, long committedHeight, int queueBlocks, Action<string>? log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(queueBlocks, 1);
        _db = db;
        _blocks = blocks;
        _log = log;
        _queueBlocks = queueBlocks;
        _indexedHeight = indexedHeight;
        _committedHeight = Math.Max(indexedHeight, committedHeight);
        _queue = Channel.CreateBounded<BlockResults>(new BoundedChannelOptions(queueBlocks)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite returns false when full; nothing ever waits on it
            SingleReader = true,
            SingleWriter = true,
        });
        _thread = new Thread(Run) { Name = ThreadName, IsBackground = true };
        _thread.Start();
    }

    /// <summary>Every block up to this height has its event keys written.</summary>
    public long IndexedHeight => Volatile.Read(ref _indexedHeight);

    /// <summary>Latest committed height the indexer knows of (it indexes up to here).</summary>
    public long CommittedHeight => Volatile.Read(ref _committedHeight);

    /// <summary>
    /// Hands a committed block's results to the indexer; called by the node in height order right after the
    /// block's batch is written. Never blocks: over the queue bound the block is read back from the store later.
    /// </summary>
    internal void Enqueue(BlockResults results)
    {
        // The target is raised before the queue write: when the write fails the queue is full, so the indexer
        // will read again, and it looks at the target each time the queue runs empty.
        Volatile.Write(ref _committedHeight, Math.Max(CommittedHeight, results.Height));
        if (!_queue.Writer.TryWrite(results) && Interlocked.Exchange(ref _behind, 1) == 0 && Volatile.Read(ref _stopped) == 0)
        {
            _log?.Invoke($"event indexer: its queue of {_queueBlocks} blocks is full at block {results.Height} " +
                $"(indexed up to {IndexedHeight}); it reads the blocks it falls behind on back from the store");
        }
    }

    /// <summary>
    /// Waits until every block up to <paramref name="height"/> is indexed. False when <paramref name="timeout"/>
    /// passed first, or the indexer is stopped below that height.
    /// </summary>
    public bool WaitForHeight(long height, TimeSpan timeout, CancellationToken ct = default)
    {
        if (IndexedHeight >= height)
        {
            return true;
        }
        var started = Stopwatch.GetTimestamp();
        lock (_progress)
        {
            while (IndexedHeight < height)
            {
                var left = timeout - Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero || (Volatile.Read(ref _stopped) == 1 && !_thread.IsAlive))
                {
                    return false;
                }
                ct.ThrowIfCancellationRequested();
                // wakes on progress; the short slice only bounds how late a cancellation is seen
                Monitor.Wait(_progress, left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
            }
            return true;
        }
    }

    /// <summary>
    /// Stops the indexer: no more blocks are taken, the queued and missing ones are indexed for at most
    /// <paramref name="drain"/>, then the rest is abandoned (re-indexed at the next start). Returns the indexed height.
    /// </summary>
    internal long Stop(TimeSpan drain)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return IndexedHeight;
        }
        _queue.Writer.TryComplete();
        if (!_thread.Join(drain))
        {
            _abandon.Cancel();
            if (!_thread.Join(TimeSpan.FromSeconds(30)))
            {
                _log?.Invoke($"event indexer: still inside a store write 30 s after it was told to stop (indexed up to {IndexedHeight})");
            }
        }
        var indexed = IndexedHeight;
        if (indexed < CommittedHeight)
        {
            _log?.Invoke($"event indexer: stopped with blocks {indexed + 1}..{CommittedHeight} not indexed; they are re-indexed from the stored results at the next start");
        }
        return indexed;
    }

    /// <summary>Stops at once, abandoning what is not indexed yet (<see cref="Stop"/> with no drain time).</summary>
    public void Dispose()
    {
        Stop(TimeSpan.Zero);
        if (!_thread.IsAlive)
        {
            _abandon.Dispose();
        }
    }

    private void Run()
    {
        BackgroundPriority.LowerCurrentThread(); // block production and admission first when the cores are busy
        var ct = _abandon.Token;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (_queue.Reader.TryRead(out var results))
                {
                    Index(results, ct);
                    continue;
                }
                var target = CommittedHeight;
                if (IndexedHeight < target)
                {
                    CatchUp(target, ct); // blocks left out of the full queue, or missing since a crash
                    continue;
                }
                Interlocked.Exchange(ref _behind, 0);
                if (!_queue.Reader.WaitToReadAsync(ct).AsTask().GetAwaiter().GetResult())
                {
                    // stopping: the queue is drained; index what was left out of it, then end
                    if (IndexedHeight >= CommittedHeight)
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // abandoned at shutdown: the next start repairs from the stored results
        }
        catch (Exception e)
        {
            // not a store failure (those are retried): a bug. Say so loudly; tx_search waits then report the gap.
            _log?.Invoke($"event indexer: stopped by an unexpected error at indexed height {IndexedHeight}: {e}");
        }
        finally
        {
            lock (_progress)
            {
                Monitor.PulseAll(_progress);
            }
        }
    }

    private void Index(BlockResults results, CancellationToken ct)
    {
        var indexed = IndexedHeight;
        if (results.Height <= indexed)
        {
            return; // already indexed (from the store, while the queue was full)
        }
        if (results.Height > indexed + 1)
        {
            CatchUp(results.Height - 1, ct);
        }
        Write(results.Height, results, ct);
    }

    private void CatchUp(long target, CancellationToken ct)
    {
        for (var h = IndexedHeight + 1; h <= target; h++)
        {
            ct.ThrowIfCancellationRequested();
            Write(h, null, ct);
        }
    }

    /// <summary>Writes one block's event keys and the new indexed height; on failure logs and retries until it works or the indexer is abandoned.</summary>
    private void Write(long height, BlockResults? results, CancellationToken ct)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                results ??= _blocks.GetResults(height)
                    ?? throw new InvalidDataException($"the results of block {height} are missing from the store");
                using (var batch = _db.CreateBatch())
                {
                    _keys.AppendTo(batch, results);
                    // no WAL, no fsync: the index is rebuilt from the stored results after a crash, and a crash keeps
                    // a prefix of these writes, each with its indexed height (docs/event-index.md, "Crash safety")
                    _db.WriteUnlogged(batch);
                }
                if (attempt > 1)
                {
                    _log?.Invoke($"event indexer: block {height} indexed after {attempt} attempts");
                }
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
            {
                _log?.Invoke($"event indexer: indexing block {height} failed (attempt {attempt}): {e.GetType().Name}: {e.Message}; retrying in {delay.TotalSeconds:0.###} s");
                if (ct.WaitHandle.WaitOne(delay))
                {
                    ct.ThrowIfCancellationRequested();
                }
                delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
            }
        }
        lock (_progress)
        {
            Volatile.Write(ref _indexedHeight, height);
            Monitor.PulseAll(_progress);
        }
    }
}
