using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using MirrorChain.Storage;

namespace MirrorChain.Node;

/// <summary>
/// Writes the <see cref="BlockCodec"/> layout into one exactly sized buffer, byte for byte what a
/// <c>BinaryWriter</c> with <c>Encoding.UTF8</c> writes: integers little-endian, bool as 0/1, lengths and counts as
/// 7-bit varints, strings as their UTF-8 byte count then the bytes (lone surrogates as U+FFFD). Built in two passes
/// over the same code: a counting writer (no buffer) sizes the record, a second one fills it.
/// </summary>
internal sealed class RecordWriter
{
    private static readonly UTF8Encoding Utf8 = (UTF8Encoding)Encoding.UTF8;

    private readonly byte[]? _buffer;
    private int _position;

    private RecordWriter(byte[]? buffer) => _buffer = buffer;

    /// <summary>Bytes written (or counted) so far.</summary>
    public int Length => _position;

    /// <summary>Runs <paramref name="write"/> twice: once to count, once into an array of exactly that size.</summary>
    public static byte[] Encode<T>(T value, Action<RecordWriter, T> write)
    {
        var counter = new RecordWriter(null);
        write(counter, value);
        var bytes = new byte[counter._position];
        var writer = new RecordWriter(bytes);
        write(writer, value);
        if (writer._position != bytes.Length)
        {
            throw new InvalidOperationException("a record encoded to a different length than it counted");
        }
        return bytes;
    }

    /// <summary>
    /// As <see cref="Encode"/>, into a pooled buffer that goes straight into <paramref name="batch"/> under
    /// <paramref name="key"/> (the batch copies it): no array of the record's size is allocated.
    /// </summary>
    public static void Put<T>(IWriteBatch batch, byte[] key, T value, Action<RecordWriter, T> write)
    {
        var counter = new RecordWriter(null);
        write(counter, value);
        var length = counter._position;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var writer = new RecordWriter(buffer);
            write(writer, value);
            if (writer._position != length)
            {
                throw new InvalidOperationException("a record encoded to a different length than it counted");
            }
            batch.Put(key, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Byte(byte b)
    {
        if (_buffer is not null)
        {
            _buffer[_position] = b;
        }
        _position++;
    }

    public void Bool(bool b) => Byte(b ? (byte)1 : (byte)0);

    public void UInt32(uint v)
    {
        if (_buffer is not null)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_position), v);
        }
        _position += 4;
    }

    public void Int32(int v) => UInt32((uint)v);

    public void Int64(long v)
    {
        if (_buffer is not null)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_position), v);
        }
        _position += 8;
    }

    /// <summary>BinaryWriter.Write7BitEncodedInt: 7 bits per byte, low first, high bit = more (negatives take 5 bytes).</summary>
    public void Varint(int value)
    {
        var v = (uint)value;
        while (v > 0x7Fu)
        {
            Byte((byte)(v | 0x80u));
            v >>= 7;
        }
        Byte((byte)v);
    }

    public void Bytes(ReadOnlySpan<byte> b)
    {
        Varint(b.Length);
        if (_buffer is not null)
        {
            b.CopyTo(_buffer.AsSpan(_position));
        }
        _position += b.Length;
    }

    public void String(string s)
    {
        if (_buffer is null)
        {
            var count = Utf8.GetByteCount(s);
            Varint(count);
            _position += count;
            return;
        }
        if (s.Length <= 127 / 3)
        {
            // At most 3 bytes per UTF-16 unit: the count fits the one-byte varint, so encode first, prefix after.
            var written = Utf8.GetBytes(s, _buffer.AsSpan(_position + 1));
            _buffer[_position] = (byte)written;
            _position += 1 + written;
            return;
        }
        var n = Utf8.GetByteCount(s);
        Varint(n);
        _position += Utf8.GetBytes(s, _buffer.AsSpan(_position, n));
    }
}
