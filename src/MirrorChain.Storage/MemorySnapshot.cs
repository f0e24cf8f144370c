namespace MirrorChain.Storage;

/// <summary>A frozen version of a <see cref="MemoryKeyValueStore"/>.</summary>
internal sealed class MemorySnapshot(SortedEntries entries) : IKeyValueSnapshot
{
    private volatile bool _disposed;

    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return entries.Get(key);
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(start);
        return entries.Range((byte[])start.Clone(), (byte[]?)end?.Clone(), reverse);
    }

    public void Dispose() => _disposed = true;
}
