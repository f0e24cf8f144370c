using RocksDbSharp;

namespace MirrorChain.Storage;

/// <summary>A native RocksDB write batch. Not thread-safe: one builder at a time.</summary>
public sealed unsafe class RocksDbWriteBatch : IWriteBatch
{
    private readonly Native _native;
    private readonly WriteBatch _batch = new();

    internal RocksDbWriteBatch(Native native) => _native = native;

    internal nint Handle => _batch.Handle;

    public int Count => _batch.Count();

    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        fixed (byte* k = &RocksDbStore.Pin(key))
        fixed (byte* v = &RocksDbStore.Pin(value))
        {
            _native.rocksdb_writebatch_put(_batch.Handle, k, (nuint)key.Length, v, (nuint)value.Length);
        }
    }

    public void Delete(ReadOnlySpan<byte> key)
    {
        fixed (byte* k = &RocksDbStore.Pin(key))
        {
            _native.rocksdb_writebatch_delete(_batch.Handle, k, (nuint)key.Length);
        }
    }

    // RocksDbSharp's WriteBatch has no finalizer: free a batch nobody disposed (it needs no database).
    ~RocksDbWriteBatch() => _batch.Dispose();

    public void Dispose()
    {
        _batch.Dispose();
        GC.SuppressFinalize(this);
    }
}
