namespace MirrorChain.Node;

/// <summary>
/// Where the block thread's wall time went while it produced one block: on a core, runnable but waiting for one
/// (Linux <c>/proc/thread-self/schedstat</c>: on-CPU ns, run-queue wait ns, timeslices), and the garbage collections
/// that ran meanwhile (each suspends every managed thread). Wall − on-CPU − waiting = blocked (locks, disk sync).
/// Diagnostics only: nothing here reaches execution or any answer.
/// </summary>
internal readonly record struct BlockThreadSample(long CpuNs, long RunWaitNs, long Slices, int Gen0, int Gen1, int Gen2, TimeSpan GcPause)
{
    /// <summary>The calling thread's counters now; the scheduler's are zero where /proc has no schedstat.</summary>
    public static BlockThreadSample Take()
    {
        var (cpu, wait, slices) = ReadSchedStat();
        return new BlockThreadSample(cpu, wait, slices, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    }

    /// <summary>Parses "on_cpu_ns run_wait_ns timeslices" (proc(5), /proc/PID/schedstat); null when it is not that.</summary>
    public static (long Cpu, long Wait, long Slices)? ParseSchedStat(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 3 && long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var cpu)
            && long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var wait)
            && long.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var slices)
            ? (cpu, wait, slices) : null;
    }

    private static (long, long, long) ReadSchedStat()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (0, 0, 0);
        }
        try
        {
            return ParseSchedStat(File.ReadAllText("/proc/thread-self/schedstat")) ?? (0, 0, 0);
        }
        catch (IOException)
        {
            return (0, 0, 0);
        }
        catch (UnauthorizedAccessException)
        {
            return (0, 0, 0);
        }
    }

    /// <summary>"cpu C ms, run-queue W ms (S slices), blocked B ms, GCs g0/g1/g2 paused P ms" for the span from <paramref name="before"/> to this.</summary>
    public string Describe(BlockThreadSample before, TimeSpan wall)
    {
        var cpu = (CpuNs - before.CpuNs) / 1e6;
        var wait = (RunWaitNs - before.RunWaitNs) / 1e6;
        var blocked = Math.Max(0, wall.TotalMilliseconds - cpu - wait);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"thread cpu {cpu:F1} ms, run-queue {wait:F1} ms ({Slices - before.Slices} slices), blocked {blocked:F1} ms, " +
            $"GCs {Gen0 - before.Gen0}/{Gen1 - before.Gen1}/{Gen2 - before.Gen2} paused {(GcPause - before.GcPause).TotalMilliseconds:F1} ms");
    }
}
