namespace MirrorChain.Storage;

/// <summary>The database directory is locked by another process (or another open store in this one).</summary>
public sealed class StoreLockedException(string path, string rocksDbMessage)
    : RocksDbException($"the database at '{path}' is locked: another MirrorChain node may be running on this home ({rocksDbMessage})")
{
    public string Path { get; } = path;
}
