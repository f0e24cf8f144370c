using MirrorChain.Storage;

namespace MirrorChain.Execution.Contracts;

/// <summary>
/// Failures of the node itself rather than of a contract's logic: the store (RocksDB, IO, corrupt data), a disposed
/// resource, memory. They are never turned into a contract error (that would record a node fault as a deterministic
/// tx result); they pass through the contract runtime unchanged, as before.
/// </summary>
public static class HostFaults
{
    public static bool Is(Exception e) =>
        e is OutOfMemoryException or RocksDbException or IOException or InvalidDataException or ObjectDisposedException
            or OperationCanceledException;
}
