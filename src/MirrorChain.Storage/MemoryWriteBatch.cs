namespace MirrorChain.Storage;

/// <summary>A recorded list of puts and deletes for <see cref="MemoryKeyValueStore"/>. Not thread-safe.</summary>
public sealed class MemoryWriteBatch : IWriteBatch
{
    private readonly List<KeyValuePair<byte[], byte[]?>> _ops = [];
    private bool _disposed;

    public int Count => _ops.Count;

    /// <summary>The operations in the order they were added (null value = delete).</summary>
    internal IReadOnlyList<KeyValuePair<byte[], byte[]?>> Operations
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _ops;
        }
    }

    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _ops.Add(new(key.ToArray(), value.ToArray()));
    }

    public void Delete(ReadOnlySpan<byte> key)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _ops.Add(new(key.ToArray(), null));
    }

    public void Dispose()
    {
        _disposed = true;
        _ops.Clear();
    }
}
