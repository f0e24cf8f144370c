namespace MirrorChain.Storage.Tests;

public sealed class RocksDbBackgroundPriorityTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Flush_thread_runs_at_nice_19_after_a_store_flushed_its_memtable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        Assert.True(RocksDbBackgroundPriority.Lower(flushes: true));
        using (var store = RocksDbStore.Open(Path.Combine(_dir.Path, "db")))
        using (var batch = store.CreateBatch())
        {
            for (var i = 0; i < 1000; i++)
            {
                batch.Put(BitConverter.GetBytes(i), new byte[100]);
            }
            store.Write(batch, sync: true);
            store.Flush(); // a job on a flush thread, which lowers itself before it runs the job
        }

        var flushThreads = BackgroundThreads("rocksdb:high");
        Assert.NotEmpty(flushThreads);
        Assert.Contains(19, flushThreads.Select(t => t.Nice));
        // no thread of the pool is left at a higher priority than the one that ran the flush
        Assert.All(flushThreads, t => Assert.True(t.Nice is 0 or 19, $"thread {t.Name} at nice {t.Nice}"));
    }

    [Fact]
    public void Lowering_twice_is_harmless()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        Assert.True(RocksDbBackgroundPriority.Lower(flushes: false));
        Assert.True(RocksDbBackgroundPriority.Lower(flushes: true));
        Assert.True(RocksDbBackgroundPriority.Lower(flushes: true));
    }

    /// <summary>This process's threads whose name starts with <paramref name="prefix"/>, with their nice value (/proc's stat field 19).</summary>
    private static List<(string Name, int Nice)> BackgroundThreads(string prefix)
    {
        var threads = new List<(string, int)>();
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                if (!name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                threads.Add((name, int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture))); // field 19 overall
            }
            catch (IOException)
            {
                // the thread ended meanwhile
            }
        }
        return threads;
    }
}
