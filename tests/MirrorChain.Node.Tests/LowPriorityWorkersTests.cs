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
    public void RunAll_runs_each_item_once_and_returns_after_the_last()
    {
        using var workers = new LowPriorityWorkers(2, "test verify");
        var counts = new int[50];
        var work = Enumerable.Range(0, counts.Length).Select(i => (Action)(() => Interlocked.Increment(ref counts[i]))).ToList();
        workers.RunAll(work);
        Assert.All(counts, c => Assert.Equal(1, c));
    }

    [Fact]
    public void A_failing_check_surfaces_to_the_caller_with_its_cause()
    {
        using var workers = new LowPriorityWorkers(1, "test verify");
        var e = Assert.Throws<InvalidOperationException>(() => workers.Run(() => throw new FormatException("bad key")));
        Assert.IsType<FormatException>(e.InnerException);
        Assert.Contains("bad key", e.Message, StringComparison.Ordinal);
        Assert.True(workers.Run(() => true)); // the worker survives a failed check
        var all = Assert.Throws<InvalidOperationException>(() => workers.RunAll([() => { }, () => throw new FormatException("second")]));
        Assert.Contains("second", all.Message, StringComparison.Ordinal);
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
        var ran = 0;
        workers.RunAll([() => ran++, () => ran++]);
        Assert.Equal(2, ran);
    }

    /// <summary>Field 19 of /proc/thread-self/stat (counted from the pid; the name in parentheses may hold spaces).</summary>
    private static int CurrentThreadNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
