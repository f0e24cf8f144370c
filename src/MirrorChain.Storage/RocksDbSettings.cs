namespace MirrorChain.Storage;

/// <summary>Tuning for <see cref="RocksDbStore.Open"/>. The defaults suit one node on a small machine.</summary>
public sealed record RocksDbSettings
{
    public static readonly RocksDbSettings Default = new();

    /// <summary>Shared LRU block cache for data, index and filter blocks.</summary>
    public long BlockCacheBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Bloom filter bits per key (≈1% false positives at 10); 0 turns the filter off.</summary>
    public int BloomBitsPerKey { get; init; } = 10;

    /// <summary>Background threads for flushes and compactions.</summary>
    public int Parallelism { get; init; } = 2;

    /// <summary>
    /// Compactions run at the lowest CPU priority (<see cref="RocksDbBackgroundPriority"/>): they are deferred work,
    /// and on a node with few cores they would otherwise take cycles from admission and block production.
    /// </summary>
    public bool LowPriorityCompactions { get; init; } = true;

    /// <summary>Memtable flushes at the lowest CPU priority too (a flush that falls behind stalls the writers).</summary>
    public bool LowPriorityFlushes { get; init; } = true;

    /// <summary>How many of RocksDB's own LOG files to keep in the directory.</summary>
    public int KeepLogFiles { get; init; } = 5;
}
