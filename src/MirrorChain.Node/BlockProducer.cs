using System.Diagnostics;
using MirrorChain.Core;
using MirrorChain.Storage;

namespace MirrorChain.Node;

/// <summary>
/// The single-node devnet's proposer: every <see cref="NodeOptions.BlockTime"/> it takes the mempool's oldest
/// txs (within the block byte and gas limits) and commits a block, empty or not. The block's time comes from the
/// wall clock here — and only here; execution sees the header's time.
/// <para>
/// Failures: a bad tx never gets here (it becomes a failed tx result inside the block). A storage failure
/// (<see cref="RocksDbException"/>: I/O error, disk full) stops production with nothing of the block written; a
/// broken invariant, or any other exception of the node itself, halts it likewise. Either way RunAsync returns
/// a <see cref="ProductionStop"/> saying why, after logging it.
/// </para>
/// </summary>
public sealed class BlockProducer(ChainNode node, TimeProvider clock, Action<string>? log = null)
{
    /// <summary>Runs until cancelled or a node failure; a block in progress is finished and committed before a cancel returns.</summary>
    public async Task<ProductionStop> RunAsync(CancellationToken ct)
    {
        var interval = node.Options.BlockTime;
        var next = clock.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            var wait = clock.GetElapsedTime(clock.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, clock, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            next += interval.Ticks * clock.TimestampFrequency / TimeSpan.TicksPerSecond;
            var started = Stopwatch.GetTimestamp();
            var sampled = BlockThreadSample.Take();
            Block block;
            BlockResults results;
            try
            {
                (block, results) = node.ProduceBlock(BlockTime.FromUnixMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds()));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var stop = Classify(e, node.LatestHeight);
                log?.Invoke(stop.Message);
                return stop;
            }
            if (block.Txs.Count > 0 && log is not null)
            {
                var failed = results.TxResults.Count(r => r.Code != 0);
                var wall = Stopwatch.GetElapsedTime(started);
                log($"committed block {block.Header.Height}: {block.Txs.Count} txs ({failed} failed) in {wall.TotalMilliseconds:F1} ms, app hash {Hex.Upper(results.AppHash)}; {BlockThreadSample.Take().Describe(sampled, wall)}");
            }
            // If we fell behind (a slow block), do not try to catch up with a burst of empty blocks.
            var now = clock.GetTimestamp();
            if (next < now)
            {
                next = now;
            }
        }
        return new ProductionStop(ProductionStopKind.Cancelled, node.LatestHeight, "");
    }

    /// <summary>Storage failure or halt, with the message the operator reads.</summary>
    public static ProductionStop Classify(Exception e, long committedHeight)
    {
        var next = committedHeight + 1;
        if (Find<RocksDbException>(e) is { } storage)
        {
            return new ProductionStop(ProductionStopKind.StorageFailure, committedHeight,
                $"error: storage failure while producing block {next}: {storage.Message}. Nothing of block {next} was written; " +
                $"the node stops at height {committedHeight}. Fix the disk (space, permissions, hardware) and start again: it resumes at block {next}.", e);
        }
        var reason = Find<InvariantViolationException>(e) is { } invariant
            ? $"invariant violated: {invariant.Message}"
            : $"unexpected {e.GetType().FullName}: {e.Message}";
        return new ProductionStop(ProductionStopKind.Halted, committedHeight,
            $"CONSENSUS FAILURE: block production halted at height {committedHeight}, block {next} was not committed — {reason}\n{e}", e);
    }

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
            if (e is AggregateException a && a.InnerExceptions.Select(Find<T>).FirstOrDefault(x => x is not null) is { } inner)
            {
                return inner;
            }
        }
        return null;
    }
}
