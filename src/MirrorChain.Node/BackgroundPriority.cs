using System.Runtime.InteropServices;

namespace MirrorChain.Node;

/// <summary>
/// Lowers the scheduling priority of the calling thread (its Linux nice value; threads have their own), for work
/// that must not take CPU from block production and admission when the cores are busy, e.g. the event indexer.
/// .NET's <see cref="Thread.Priority"/> does nothing on Linux. Raising a nice value needs no privilege; elsewhere,
/// or when libc cannot be called, nothing changes.
/// </summary>
internal static partial class BackgroundPriority
{
    /// <summary>The nice value given: low enough to yield to the node's other threads, never starved on an idle machine.</summary>
    public const int Nice = 10;

    private const int PrioProcess = 0; // with a thread id: that thread only (Linux setpriority(2))

    public static void LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        try
        {
            _ = SetPriority(PrioProcess, GetTid(), Nice); // best effort: a failure leaves the default priority
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int prio);

    [LibraryImport("libc.so.6", EntryPoint = "gettid")]
    private static partial int GetTid();
}
