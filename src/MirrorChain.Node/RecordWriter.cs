using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using MirrorChain.Storage;

namespace MirrorChain.Node;

/// <summary>
/// Writes the <see cref="BlockCodec"/> layout, byte for byte what a <c>BinaryWriter</c> with <c>Encoding.UTF8</c>
/// writes: integers little-endian, bool as 0/1, lengths and counts as 7-bit varints, strings as their UTF-8 byte
/// count then the bytes (lone surrogates as U+FFFD). One pass into a pooled buffer that grows as needed (a block's
/// results are ~1.2 KB per bank send, mostly short event strings: a counting pass cost as much as the writing one).
/// </summary>
internal sealed class RecordWriter
{
    private static readonly UTF8Encoding Utf8 = (UTF8Encoding)Encoding.UTF8;

    // The size of the last record put into a batch: the next one (the next block's) starts with a buffer that fits it.
    private static int LastPutLength = 4096;

    private byte[] _buffer;
    private int _position;

    private RecordWriter(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    /// <summary>Bytes written so far.</summary>
    public int Length => _position;

    /// <summary>Runs <paramref name="write"/> and returns its bytes in an array of exactly their size.</summary>
    public static byte[] Encode<T>(T value, Action<RecordWriter, T> write) =>
        Encode(value, (writer, v) =>
        {
            write(writer, v);
            return true;
        });

    /// <summary>
    /// As <see cref="Encode{T}"/>, from a pooled buffer that goes straight into <paramref name="batch"/> under
    /// <paramref name="key"/> (the batch copies it): no array of the record's size is allocated.
    /// </summary>
    public static void Put<T>(IWriteBatch batch, byte[] key, T value, Action<RecordWriter, T> write) =>
        Put(batch, key, value, (writer, v) =>
        {
            write(writer, v);
            return true;
        });

    /// <summary>
    /// As <see cref="Put{T}"/>, for a writer that answers something about what it wrote (e.g. whether the record
    /// decodes back to exactly <paramref name="value"/>).
    /// </summary>
    public static TAnswer Put<T, TAnswer>(IWriteBatch batch, byte[] key, T value, Func<RecordWriter, T, TAnswer> write)
    {
        var writer = new RecordWriter(Volatile.Read(ref LastPutLength));
        try
        {
            var answer = write(writer, value);
            batch.Put(key, writer._buffer.AsSpan(0, writer._position));
            Volatile.Write(ref LastPutLength, Math.Max(writer._position, 256));
            return answer;
        }
        finally
        {
            writer.Release();
        }
    }

    /// <summary>
    /// Whether <paramref name="write"/> answers true and writes exactly the bytes of <paramref name="record"/>,
    /// compared in a pooled buffer (no array of the record's size).
    /// </summary>
    public static bool WritesExactly<T>(T value, Func<RecordWriter, T, bool> write, ReadOnlySpan<byte> record)
    {
        var writer = new RecordWriter(Math.Max(record.Length, 256));
        try
        {
            return write(writer, value) && writer._buffer.AsSpan(0, writer._position).SequenceEqual(record);
        }
        finally
        {
            writer.Release();
        }
    }

    /// <summary>As <see cref="Encode{T}"/>, for a writer that answers something about what it wrote.</summary>
    public static byte[] Encode<T, TAnswer>(T value, Func<RecordWriter, T, TAnswer> write)
    {
        var writer = new RecordWriter(256);
        try
        {
            write(writer, value);
            return writer._buffer.AsSpan(0, writer._position).ToArray();
        }
        finally
        {
            writer.Release();
        }
    }

    public void Byte(byte b)
    {
        Reserve(1)[0] = b;
        _position++;
    }

    public void Bool(bool b) => Byte(b ? (byte)1 : (byte)0);

    public void UInt32(uint v)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), v);
        _position += 4;
    }

    public void Int32(int v) => UInt32((uint)v);

    public void Int64(long v)
    {
        BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), v);
        _position += 8;
    }

    /// <summary>BinaryWriter.Write7BitEncodedInt: 7 bits per byte, low first, high bit = more (negatives take 5 bytes).</summary>
    public void Varint(int value) => VarUInt64((uint)value);

    /// <summary>Unsigned LEB128: 7 bits per byte, low first, high bit = more (up to 10 bytes).</summary>
    public void VarUInt64(ulong v)
    {
        var span = Reserve(10);
        var i = 0;
        while (v > 0x7Fu)
        {
            span[i++] = (byte)(v | 0x80u);
            v >>= 7;
        }
        span[i++] = (byte)v;
        _position += i;
    }

    public void Bytes(ReadOnlySpan<byte> b)
    {
        Varint(b.Length);
        b.CopyTo(Reserve(b.Length));
        _position += b.Length;
    }

    public void String(string s)
    {
        if (s.Length <= 127 / 3)
        {
            // At most 3 bytes per UTF-16 unit: the count fits the one-byte varint, so encode first, prefix after.
            var span = Reserve(1 + 3 * s.Length);
            var written = Utf8.GetBytes(s, span[1..]);
            span[0] = (byte)written;
            _position += 1 + written;
            return;
        }
        var n = Utf8.GetByteCount(s);
        Varint(n);
        _position += Utf8.GetBytes(s, Reserve(n));
    }

    // The next `count` bytes of the buffer, grown (doubling) when they do not fit.
    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _position < count)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _position + count));
            _buffer.AsSpan(0, _position).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        return _buffer.AsSpan(_position, count);
    }

    private void Release()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
