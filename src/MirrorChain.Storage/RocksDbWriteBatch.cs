namespace MirrorChain.Storage;

/// <summary>A native RocksDB write batch. Not thread-safe: one builder at a time.</summary>
public sealed unsafe class RocksDbWriteBatch : IWriteBatch
{
    internal RocksDbWriteBatch() => Handle = RocksDbNative.rocksdb_writebatch_create();

    internal WriteBatchHandle Handle { get; }

    public int Count => RocksDbNative.rocksdb_writebatch_count(Handle);

    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        fixed (byte* k = &RocksDbNative.Pin(key))
        fixed (byte* v = &RocksDbNative.Pin(value))
        {
            RocksDbNative.rocksdb_writebatch_put(Handle, k, (nuint)key.Length, v, (nuint)value.Length);
        }
    }

    public void Delete(ReadOnlySpan<byte> key)
    {
        fixed (byte* k = &RocksDbNative.Pin(key))
        {
            RocksDbNative.rocksdb_writebatch_delete(Handle, k, (nuint)key.Length);
        }
    }

    public void Dispose() => Handle.Dispose();
}
