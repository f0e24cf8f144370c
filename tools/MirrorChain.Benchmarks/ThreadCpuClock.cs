using System.Globalization;
using System.Runtime.InteropServices;

namespace MirrorChain.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), for benchmarks that run on one
/// thread: on a loaded shared machine the wall clock BenchmarkDotNet reports mostly measures waiting for a core, the
/// thread's CPU time does not. <see cref="Samples"/> collects one value per invocation and prints their median.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>The thread's CPU time in nanoseconds; 0 where the clock is unavailable.</summary>
    public static long NowNanoseconds()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTime, out var t) != 0)
        {
            return 0;
        }
        return (t.Seconds * 1_000_000_000L) + t.Nanoseconds;
    }

    /// <summary>Per-invocation CPU times of one benchmark; <see cref="Print"/> writes their median to the log.</summary>
    public sealed class Samples(string name)
    {
        private readonly List<long> _values = [];

        public void Add(long nanoseconds) => _values.Add(nanoseconds);

        /// <summary>"// thread CPU name: median X ms, min Y ms over N invocations (first 3 skipped)".</summary>
        public void Print()
        {
            var measured = _values.Skip(3).Order().ToList();
            if (measured.Count == 0)
            {
                return;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// thread CPU {name}: median {measured[measured.Count / 2] / 1e6:F2} ms, min {measured[0] / 1e6:F2} ms over {measured.Count} invocations (first 3 skipped)"));
            _values.Clear();
        }
    }
}
