using System.Globalization;
using MirrorChain.LoadGen;

namespace MirrorChain.CrashTest;

/// <summary>
/// Carries out a <see cref="KillPlan"/> against a running node: waits for the arming time, then for the mode's
/// moment, and sends SIGKILL. Returns a description of the moment for the cycle table.
/// </summary>
internal sealed class KillTrigger(NodeProcess node, JsonRpcClient rpc, KillPlan plan, int blockTimeMs)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(15);
    private readonly TaskCompletionSource<long> _commitReply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private double _lastBlockMs = 5;
    private volatile bool _armed;

    /// <summary>Hook for the senders: in <see cref="KillMode.AfterCommitReply"/> the first reply after arming kills at once, on the sender's thread.</summary>
    public void CommitReplied(long height)
    {
        if (_armed && plan.Mode == KillMode.AfterCommitReply && _commitReply.TrySetResult(height))
        {
            node.SignalKill();
        }
    }

    private void BlockLogged(long height, double ms, long at) => Volatile.Write(ref _lastBlockMs, ms);

    /// <summary>The block whose window a MidBlock or BlockOffset kill aimed at (0 for the other modes).</summary>
    public long TargetHeight { get; private set; }

    public async Task<string> RunAsync(CancellationToken ct)
    {
        node.BlockLogged += BlockLogged;
        try
        {
            await Task.Delay(plan.ArmAfterMs, ct).ConfigureAwait(false);
            _armed = true;
            switch (plan.Mode)
            {
                case KillMode.AfterCommitReply:
                {
                    var height = await Wait(_commitReply.Task, ct).ConfigureAwait(false);
                    node.SignalKill();
                    return height is { } h ? $"after-commit: reply for height {h}" : "after-commit: no reply within 15 s, killed anyway";
                }
                case KillMode.MidBlock:
                case KillMode.BlockOffset:
                {
                    // MidBlock: within ~2 block durations after a block's planned start, i.e. while it executes and
                    // writes its batch. BlockOffset: anywhere in the interval after a planned start.
                    var (height, start) = await BlockSchedule.NextAsync(rpc, blockTimeMs, TimeSpan.FromMilliseconds(30), ct).ConfigureAwait(false);
                    var blockMs = Math.Max(Volatile.Read(ref _lastBlockMs), 1.0);
                    var offsetMs = plan.Mode == KillMode.BlockOffset ? plan.Fraction * blockTimeMs : plan.Fraction * 2 * blockMs;
                    var target = start.AddMilliseconds(offsetMs);
                    TargetHeight = height;
                    await WaitUntil(target, ct).ConfigureAwait(false);
                    node.SignalKill();
                    var late = (DateTimeOffset.UtcNow - target).TotalMilliseconds;
                    return plan.Mode == KillMode.BlockOffset
                        ? F($"block-offset: +{offsetMs:F0} ms into block {height} (late {late:F1} ms)")
                        : F($"mid-block: +{offsetMs:F1} ms into block {height} (~{blockMs:F1} ms/block, late {late:F1})");
                }
                default:
                {
                    var extra = (int)(plan.Fraction * 1000);
                    await Task.Delay(extra, ct).ConfigureAwait(false);
                    node.SignalKill();
                    return $"random: {plan.ArmAfterMs + extra} ms into the load";
                }
            }
        }
        finally
        {
            node.BlockLogged -= BlockLogged;
        }
    }

    private static async Task<T?> Wait<T>(Task<T> task, CancellationToken ct) where T : struct
    {
        var done = await Task.WhenAny(task, Task.Delay(EventTimeout, ct)).ConfigureAwait(false);
        return done == task ? await task.ConfigureAwait(false) : null;
    }

    /// <summary>Sleeps until 2 ms before the wall-clock <paramref name="target"/>, then spins: timers are ~1 ms coarse.</summary>
    private static async Task WaitUntil(DateTimeOffset target, CancellationToken ct)
    {
        var remaining = target - DateTimeOffset.UtcNow;
        if (remaining > TimeSpan.FromMilliseconds(3))
        {
            await Task.Delay(remaining - TimeSpan.FromMilliseconds(2), ct).ConfigureAwait(false);
        }
        while (DateTimeOffset.UtcNow < target)
        {
            Thread.SpinWait(20);
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
