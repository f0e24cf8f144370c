namespace MirrorChain.Node.Tests;

/// <summary>
/// The lower-priority threads for signature checks that must not take the block's core: answers come back to the
/// caller unchanged, failures surface, the threads run at the lowered nice value, and a closed pool still answers.
/// </summary>
public sealed class LowPriorityWorkersTests
{
    [Fact]
    public void Run_returns_the_answer_computed_on_a_worker_thread()
    {
        using var workers = new LowPriorityWorkers(2, "test verify");
        var caller = Environment.CurrentManagedThreadId;
        var ranOn = 0;
        Assert.True(workers.Run(() =>
        {
            ranOn = Environment.CurrentManagedThreadId;
            return true;
        }));
        Assert.False(workers.Run(() => false));
        Assert.NotEqual(0, ranOn);
        Assert.NotEqual(caller, ranOn);
    }

    [Fact]
    public void Workers_run_at_the_background_nice_value_and_the_caller_keeps_its_own()
    {
        var callerBefore = CurrentThreadNice(); // 0 normally; a run under `nice` starts higher and cannot go lower
        using var workers = new LowPriorityWorkers(1, "test verify");
        var nice = int.MinValue;
        workers.Run(() =>
        {
            nice = CurrentThreadNice();
            return true;
        });
        Assert.Equal(Math.Max(callerBefore, BackgroundPriority.Nice), nice);
        Assert.Equal(callerBefore, CurrentThreadNice());
    }

    [Fact]
    public void A_failing_check_surfaces_to_the_caller_with_its_cause()
    {
        using var workers = new LowPriorityWorkers(1, "test verify");
        var e = Assert.Throws<InvalidOperationException>(() => workers.Run(() => throw new FormatException("bad key")));
        Assert.IsType<FormatException>(e.InnerException);
        Assert.Contains("bad key", e.Message, StringComparison.Ordinal);
        Assert.True(workers.Run(() => true)); // the worker survives a failed check
    }

    [Fact]
    public void A_closed_pool_answers_on_the_calling_thread()
    {
        var workers = new LowPriorityWorkers(1, "test verify");
        workers.Dispose();
        var caller = Environment.CurrentManagedThreadId;
        var ranOn = 0;
        Assert.True(workers.Run(() =>
        {
            ranOn = Environment.CurrentManagedThreadId;
            return true;
        }));
        Assert.Equal(caller, ranOn);
    }

    /// <summary>Field 19 of /proc/thread-self/stat (counted from the pid; the name in parentheses may hold spaces).</summary>
    private static int CurrentThreadNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
