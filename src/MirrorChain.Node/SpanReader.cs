using System.Buffers.Binary;

namespace MirrorChain.Node;

/// <summary>
/// Reads the <see cref="RecordWriter"/> primitives from a record in memory; a read past the end is an
/// <see cref="InvalidDataException"/> (a truncated or corrupt record), never an out-of-range index.
/// </summary>
internal ref struct SpanReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; private set; }

    public readonly bool AtEnd => Position == _data.Length;

    public byte Byte() => Take(1)[0];

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>An unsigned LEB128 varint of at most 64 bits (<see cref="RecordWriter.VarUInt64"/>).</summary>
    public ulong VarUInt64()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                if (shift == 63 && b > 1)
                {
                    break;
                }
                return value;
            }
        }
        throw new InvalidDataException("corrupt block record: a varint longer than 64 bits");
    }

    /// <summary>A count or length: a varint that must fit what is left of the record (each item takes ≥ 1 byte).</summary>
    public int Count()
    {
        var n = VarUInt64();
        if (n > (ulong)(_data.Length - Position))
        {
            throw new InvalidDataException("truncated block record");
        }
        return (int)n;
    }

    /// <summary>Length-prefixed bytes, as a slice of the record.</summary>
    public ReadOnlySpan<byte> Bytes() => Take(Count());

    /// <summary>Bytes at an earlier position of the record.</summary>
    public readonly ReadOnlySpan<byte> Slice(int start, int length) => _data.Slice(start, length);

    private ReadOnlySpan<byte> Take(int n)
    {
        if (n > _data.Length - Position)
        {
            throw new InvalidDataException("truncated block record");
        }
        var span = _data.Slice(Position, n);
        Position += n;
        return span;
    }
}
