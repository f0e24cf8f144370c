using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace MirrorChain.Storage;

/// <summary>
/// The whole P/Invoke surface MirrorChain uses from RocksDB's C API (<c>rocksdb/c.h</c>), bound to Debian's
/// <c>librocksdb.so.7.8</c> by its versioned soname (the unversioned names only exist with the -dev package).
/// Native names are kept as-is so each line can be matched against <c>nm -D</c>. Everything that must be
/// destroyed comes back as a <see cref="RocksHandle"/> subclass; errors come back through <c>char** errptr</c>
/// and are turned into <see cref="RocksDbException"/> by <see cref="Check"/>.
/// </summary>
internal static unsafe partial class RocksDbNative
{
    internal const string Library = "librocksdb.so.7.8";

    // A non-null pointer for empty spans: RocksDB builds a Slice from (ptr, len) and should never see null.
    private static readonly byte[] NonNullAnchor = new byte[1];

    // ---- options -------------------------------------------------------------------------------------------

    [LibraryImport(Library)]
    internal static partial OptionsHandle rocksdb_options_create();

    [LibraryImport(Library)]
    internal static partial void rocksdb_options_destroy(nint options);

    [LibraryImport(Library)]
    internal static partial void rocksdb_options_set_create_if_missing(OptionsHandle options, byte value);

    [LibraryImport(Library)]
    internal static partial void rocksdb_options_increase_parallelism(OptionsHandle options, int totalThreads);

    [LibraryImport(Library)]
    internal static partial void rocksdb_options_set_keep_log_file_num(OptionsHandle options, nuint value);

    [LibraryImport(Library)]
    internal static partial void rocksdb_options_set_block_based_table_factory(OptionsHandle options, BlockBasedOptionsHandle tableOptions);

    [LibraryImport(Library)]
    internal static partial BlockBasedOptionsHandle rocksdb_block_based_options_create();

    [LibraryImport(Library)]
    internal static partial void rocksdb_block_based_options_destroy(nint options);

    /// <summary>Takes ownership of <paramref name="policy"/>: never destroy it yourself afterwards.</summary>
    [LibraryImport(Library)]
    internal static partial void rocksdb_block_based_options_set_filter_policy(BlockBasedOptionsHandle options, nint policy);

    [LibraryImport(Library)]
    internal static partial void rocksdb_block_based_options_set_block_cache(BlockBasedOptionsHandle options, CacheHandle cache);

    // The C API takes bits-per-key as a C double; this is a native ABI parameter for a storage tuning knob,
    // never state logic, and callers pass a whole number.
    [LibraryImport(Library)]
    internal static partial nint rocksdb_filterpolicy_create_bloom(double bitsPerKey);

    [LibraryImport(Library)]
    internal static partial CacheHandle rocksdb_cache_create_lru(nuint capacity);

    [LibraryImport(Library)]
    internal static partial void rocksdb_cache_destroy(nint cache);

    [LibraryImport(Library)]
    internal static partial WriteOptionsHandle rocksdb_writeoptions_create();

    [LibraryImport(Library)]
    internal static partial void rocksdb_writeoptions_destroy(nint options);

    [LibraryImport(Library)]
    internal static partial void rocksdb_writeoptions_set_sync(WriteOptionsHandle options, byte value);

    [LibraryImport(Library)]
    internal static partial void rocksdb_writeoptions_disable_WAL(WriteOptionsHandle options, int disable);

    [LibraryImport(Library)]
    internal static partial ReadOptionsHandle rocksdb_readoptions_create();

    [LibraryImport(Library)]
    internal static partial void rocksdb_readoptions_destroy(nint options);

    [LibraryImport(Library)]
    internal static partial void rocksdb_readoptions_set_snapshot(ReadOptionsHandle options, SnapshotHandle snapshot);

    /// <summary>RocksDB keeps the pointer, not a copy: the bytes must outlive every iterator made from these options.</summary>
    [LibraryImport(Library)]
    internal static partial void rocksdb_readoptions_set_iterate_lower_bound(ReadOptionsHandle options, byte* key, nuint keyLength);

    /// <summary>RocksDB keeps the pointer, not a copy: the bytes must outlive every iterator made from these options.</summary>
    [LibraryImport(Library)]
    internal static partial void rocksdb_readoptions_set_iterate_upper_bound(ReadOptionsHandle options, byte* key, nuint keyLength);

    // ---- database ------------------------------------------------------------------------------------------

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DbHandle rocksdb_open(OptionsHandle options, string name, nint* errptr);

    [LibraryImport(Library)]
    internal static partial void rocksdb_close(nint db);

    [LibraryImport(Library)]
    internal static partial void rocksdb_write(DbHandle db, WriteOptionsHandle options, WriteBatchHandle batch, nint* errptr);

    /// <summary>Returns a malloc'ed copy of the value (free with <see cref="rocksdb_free"/>) or null if absent.</summary>
    [LibraryImport(Library)]
    internal static partial byte* rocksdb_get(DbHandle db, ReadOptionsHandle options, byte* key, nuint keyLength, nuint* valueLength, nint* errptr);

    [LibraryImport(Library)]
    internal static partial void rocksdb_free(void* ptr);

    [LibraryImport(Library)]
    internal static partial SnapshotHandle rocksdb_create_snapshot(DbHandle db);

    [LibraryImport(Library)]
    internal static partial void rocksdb_release_snapshot(nint db, nint snapshot);

    // ---- write batches -------------------------------------------------------------------------------------

    [LibraryImport(Library)]
    internal static partial WriteBatchHandle rocksdb_writebatch_create();

    [LibraryImport(Library)]
    internal static partial void rocksdb_writebatch_destroy(nint batch);

    [LibraryImport(Library)]
    internal static partial void rocksdb_writebatch_put(WriteBatchHandle batch, byte* key, nuint keyLength, byte* value, nuint valueLength);

    [LibraryImport(Library)]
    internal static partial void rocksdb_writebatch_delete(WriteBatchHandle batch, byte* key, nuint keyLength);

    [LibraryImport(Library)]
    internal static partial int rocksdb_writebatch_count(WriteBatchHandle batch);

    // ---- iterators -----------------------------------------------------------------------------------------

    [LibraryImport(Library)]
    internal static partial IteratorHandle rocksdb_create_iterator(DbHandle db, ReadOptionsHandle options);

    [LibraryImport(Library)]
    internal static partial void rocksdb_iter_destroy(nint iterator);

    [LibraryImport(Library)]
    internal static partial byte rocksdb_iter_valid(IteratorHandle iterator);

    [LibraryImport(Library)]
    internal static partial void rocksdb_iter_seek_to_first(IteratorHandle iterator);

    [LibraryImport(Library)]
    internal static partial void rocksdb_iter_seek_to_last(IteratorHandle iterator);

    [LibraryImport(Library)]
    internal static partial void rocksdb_iter_next(IteratorHandle iterator);

    [LibraryImport(Library)]
    internal static partial void rocksdb_iter_prev(IteratorHandle iterator);

    /// <summary>Points into the iterator's memory, valid until it moves: copy at once.</summary>
    [LibraryImport(Library)]
    internal static partial byte* rocksdb_iter_key(IteratorHandle iterator, nuint* keyLength);

    /// <summary>Points into the iterator's memory, valid until it moves: copy at once.</summary>
    [LibraryImport(Library)]
    internal static partial byte* rocksdb_iter_value(IteratorHandle iterator, nuint* valueLength);

    [LibraryImport(Library)]
    internal static partial void rocksdb_iter_get_error(IteratorHandle iterator, nint* errptr);

    // ---- helpers -------------------------------------------------------------------------------------------

    /// <summary>Throws <see cref="RocksDbException"/> with RocksDB's message if <paramref name="err"/> is set.</summary>
    internal static void Check(nint err)
    {
        if (TakeError(err) is { } message)
        {
            throw new RocksDbException(message);
        }
    }

    /// <summary>Reads and frees an error string from an errptr; null when there was no error.</summary>
    internal static string? TakeError(nint err)
    {
        if (err == 0)
        {
            return null;
        }
        try
        {
            return Marshal.PtrToStringUTF8(err) ?? "unknown RocksDB error";
        }
        finally
        {
            rocksdb_free((void*)err);
        }
    }

    /// <summary>A reference to pin with <c>fixed</c>, never null even for an empty span.</summary>
    internal static ref readonly byte Pin(ReadOnlySpan<byte> bytes) =>
        ref bytes.IsEmpty ? ref NonNullAnchor[0] : ref MemoryMarshal.GetReference(bytes);

    /// <summary>Copies <paramref name="length"/> native bytes into a new array.</summary>
    internal static byte[] Copy(byte* data, nuint length) => new ReadOnlySpan<byte>(data, checked((int)length)).ToArray();
}

/// <summary>
/// Base of every RocksDB handle. <see cref="Retain"/> keeps another handle alive (reference-counted) until this
/// one is released, so native objects are always destroyed child-first: iterators and snapshots before the
/// database, iterators before the read options whose bound buffers they point into.
/// </summary>
internal abstract class RocksHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    private SafeHandle[] _retained = [];

    internal void Retain(SafeHandle other)
    {
        var added = false;
        other.DangerousAddRef(ref added);
        _retained = [.. _retained, other];
    }

    protected abstract void Free(nint native);

    protected override bool ReleaseHandle()
    {
        Free(handle);
        for (var i = _retained.Length - 1; i >= 0; i--)
        {
            _retained[i].DangerousRelease();
        }
        _retained = [];
        return true;
    }
}

internal sealed class DbHandle : RocksHandle
{
    protected override void Free(nint native) => RocksDbNative.rocksdb_close(native);
}

internal sealed class OptionsHandle : RocksHandle
{
    protected override void Free(nint native) => RocksDbNative.rocksdb_options_destroy(native);
}

internal sealed class BlockBasedOptionsHandle : RocksHandle
{
    protected override void Free(nint native) => RocksDbNative.rocksdb_block_based_options_destroy(native);
}

/// <summary>The C wrapper holds a shared_ptr: destroying it after it was handed to table options is safe.</summary>
internal sealed class CacheHandle : RocksHandle
{
    protected override void Free(nint native) => RocksDbNative.rocksdb_cache_destroy(native);
}

internal sealed class WriteOptionsHandle : RocksHandle
{
    protected override void Free(nint native) => RocksDbNative.rocksdb_writeoptions_destroy(native);
}

/// <summary>Read options; owns native copies of iterate bounds, because RocksDB keeps only pointers to them.</summary>
internal sealed unsafe class ReadOptionsHandle : RocksHandle
{
    private byte* _lower;
    private byte* _upper;

    internal void SetBounds(ReadOnlySpan<byte> lower, byte[]? upper)
    {
        if (!lower.IsEmpty)
        {
            _lower = NativeCopy(lower);
            RocksDbNative.rocksdb_readoptions_set_iterate_lower_bound(this, _lower, (nuint)lower.Length);
        }
        if (upper is not null)
        {
            _upper = NativeCopy(upper);
            RocksDbNative.rocksdb_readoptions_set_iterate_upper_bound(this, _upper, (nuint)upper.Length);
        }
    }

    protected override void Free(nint native)
    {
        RocksDbNative.rocksdb_readoptions_destroy(native);
        NativeMemory.Free(_lower);
        NativeMemory.Free(_upper);
        _lower = null;
        _upper = null;
    }

    private static byte* NativeCopy(ReadOnlySpan<byte> bytes)
    {
        var p = (byte*)NativeMemory.Alloc((nuint)Math.Max(1, bytes.Length));
        bytes.CopyTo(new Span<byte>(p, bytes.Length));
        return p;
    }
}

internal sealed class WriteBatchHandle : RocksHandle
{
    protected override void Free(nint native) => RocksDbNative.rocksdb_writebatch_destroy(native);
}

internal sealed class IteratorHandle : RocksHandle
{
    protected override void Free(nint native) => RocksDbNative.rocksdb_iter_destroy(native);
}

/// <summary>A snapshot; releasing it needs its database, which <see cref="Bind"/> retains.</summary>
internal sealed class SnapshotHandle : RocksHandle
{
    private DbHandle? _db;

    internal void Bind(DbHandle db)
    {
        Retain(db);
        _db = db;
    }

    protected override void Free(nint native)
    {
        if (_db is not null)
        {
            RocksDbNative.rocksdb_release_snapshot(_db.DangerousGetHandle(), native);
        }
    }
}
