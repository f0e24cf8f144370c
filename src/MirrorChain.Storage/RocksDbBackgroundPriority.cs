using System.Runtime.InteropServices;

namespace MirrorChain.Storage;

/// <summary>
/// Runs RocksDB's background threads (memtable flushes and compactions of the process-wide default environment) at
/// the lowest CPU priority, so that on a small machine they take the cores only when the node's own threads
/// (admission, block production, RPC) leave them idle. RocksDB's <c>Env::LowerThreadPoolCPUPriority</c>
/// (include/rocksdb/env.h; the C API's <c>rocksdb_env_lower_thread_pool_cpu_priority</c> and
/// <c>rocksdb_env_lower_high_priority_thread_pool_cpu_priority</c>): each background thread lowers itself (nice 19 on
/// Linux) before its next job. RocksDbSharp does not bind these two functions, so they are looked up in the packaged
/// library directly. Writes stay safe when the machine is saturated: a flush that falls behind makes RocksDB stall
/// the writers, which frees the cores for the flush.
/// </summary>
public static unsafe class RocksDbBackgroundPriority
{
    private static readonly Lock Gate = new();
    private static bool CompactionsLowered;
    private static bool FlushesLowered;

    /// <summary>
    /// Lowers the compaction pool and, when <paramref name="flushes"/>, the flush pool too. Process-wide and
    /// permanent (RocksDB has no call to raise them again). Returns false where it cannot (not Linux, or the
    /// library lacks the functions): the store then runs with RocksDB's defaults.
    /// </summary>
    public static bool Lower(bool flushes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        lock (Gate)
        {
            if (CompactionsLowered && (FlushesLowered || !flushes))
            {
                return true;
            }
            RocksDbLibrary.Load(); // RocksDbSharp loads the packaged library first; the lookup below finds that one
            if (!TryLibrary(out var library)
                || !NativeLibrary.TryGetExport(library, "rocksdb_create_default_env", out var create)
                || !NativeLibrary.TryGetExport(library, "rocksdb_env_destroy", out var destroy)
                || !NativeLibrary.TryGetExport(library, "rocksdb_env_lower_thread_pool_cpu_priority", out var lowerLow)
                || !NativeLibrary.TryGetExport(library, "rocksdb_env_lower_high_priority_thread_pool_cpu_priority", out var lowerHigh))
            {
                return false;
            }
            // The default environment's wrapper: destroying it frees the wrapper only, never Env::Default itself.
            var env = ((delegate* unmanaged<nint>)create)();
            try
            {
                if (!CompactionsLowered)
                {
                    ((delegate* unmanaged<nint, void>)lowerLow)(env);
                    CompactionsLowered = true;
                }
                if (flushes && !FlushesLowered)
                {
                    ((delegate* unmanaged<nint, void>)lowerHigh)(env);
                    FlushesLowered = true;
                }
            }
            finally
            {
                ((delegate* unmanaged<nint, void>)destroy)(env);
            }
            return true;
        }
    }

    private static bool TryLibrary(out nint library)
    {
        foreach (var path in new[] { RocksDbLibrary.ExpectedPath, Path.Combine(AppContext.BaseDirectory, RocksDbLibrary.FileName) })
        {
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out library))
            {
                return true;
            }
        }
        library = 0;
        return false;
    }
}
