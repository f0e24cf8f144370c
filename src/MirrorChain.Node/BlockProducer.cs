using System.Diagnostics;
using MirrorChain.Core;

namespace MirrorChain.Node;

/// <summary>
/// The single-node devnet's proposer: every <see cref="NodeOptions.BlockTime"/> it takes the mempool's oldest
/// txs (within the block byte and gas limits) and commits a block, empty or not. The block's time comes from the
/// wall clock here — and only here; execution sees the header's time.
/// </summary>
public sealed class BlockProducer(ChainNode node, TimeProvider clock, Action<string>? log = null)
{
    /// <summary>Runs until cancelled; a block in progress is finished and committed before it returns.</summary>
    public async Task RunAsync(CancellationToken ct)
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
            var (block, results) = node.ProduceBlock(BlockTime.FromUnixMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds()));
            if (block.Txs.Count > 0 && log is not null)
            {
                var failed = results.TxResults.Count(r => r.Code != 0);
                log($"committed block {block.Header.Height}: {block.Txs.Count} txs ({failed} failed) in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms, app hash {Hex.Upper(results.AppHash)}");
            }
            // If we fell behind (a slow block), do not try to catch up with a burst of empty blocks.
            var now = clock.GetTimestamp();
            if (next < now)
            {
                next = now;
            }
        }
    }
}
