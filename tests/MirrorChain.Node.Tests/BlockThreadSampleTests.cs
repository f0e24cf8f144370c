namespace MirrorChain.Node.Tests;

/// <summary>The block log line's diagnostics: the scheduler's per-thread counters parsed exactly, the span described exactly.</summary>
public sealed class BlockThreadSampleTests
{
    [Fact]
    public void Schedstat_is_read_as_on_cpu_ns_run_queue_wait_ns_and_timeslices()
    {
        Assert.Equal((123456789L, 42L, 7L), BlockThreadSample.ParseSchedStat("123456789 42 7\n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1 2")]
    [InlineData("1 2 x")]
    [InlineData("1 2 3 4")]
    public void Anything_else_is_not_a_schedstat(string text)
    {
        Assert.Null(BlockThreadSample.ParseSchedStat(text));
    }

    [Fact]
    public void A_span_is_described_as_cpu_run_queue_blocked_and_collections()
    {
        var before = new BlockThreadSample(1_000_000, 2_000_000, 10, 5, 2, 1, TimeSpan.FromMilliseconds(10));
        var after = new BlockThreadSample(51_000_000, 32_000_000, 22, 8, 3, 1, TimeSpan.FromMilliseconds(12.5));
        Assert.Equal("thread cpu 50.0 ms, run-queue 30.0 ms (12 slices), blocked 20.0 ms, GCs 3/1/0 paused 2.5 ms",
            after.Describe(before, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void Blocked_time_is_never_negative()
    {
        var before = new BlockThreadSample(0, 0, 0, 0, 0, 0, TimeSpan.Zero);
        var after = new BlockThreadSample(9_000_000, 2_000_000, 3, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal("thread cpu 9.0 ms, run-queue 2.0 ms (3 slices), blocked 0.0 ms, GCs 0/0/0 paused 0.0 ms",
            after.Describe(before, TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public void On_linux_the_calling_thread_has_counted_cpu_time()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc/thread-self/schedstat is Linux's; elsewhere the counters are zero
        }
        var sample = BlockThreadSample.Take();
        Assert.True(sample.CpuNs > 0);
        Assert.True(sample.Slices > 0);
    }
}
