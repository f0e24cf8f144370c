using System.Text;

namespace MirrorChain.Tx;

/// <summary>
/// A forward-only protobuf wire reader over a span, for the fast decoders (txs, stored accounts). Every method answers false on
/// anything it does not read exactly as Google.Protobuf would (truncation, a varint longer than the field's type
/// allows, a length past the end, non-ASCII text); the caller then leaves the input to the reference decoder.
/// </summary>
public ref struct WireReader(ReadOnlySpan<byte> data)
{
    public const int Varint = 0;
    public const int LengthDelimited = 2;

    private readonly ReadOnlySpan<byte> _data = data;
    private int _pos;

    public readonly bool AtEnd => _pos >= _data.Length;

    /// <summary>The next tag as (field number, wire type); field number 0 or a tag over 32 bits answers false.</summary>
    public bool TryReadTag(out int field, out int wireType)
    {
        field = 0;
        wireType = 0;
        if (!TryReadVarint(out var tag, maxBytes: 5) || tag > uint.MaxValue || (tag >> 3) == 0)
        {
            return false;
        }
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    /// <summary>A uint64 varint (at most 10 bytes, the 10th carrying no more than the top bit, as protobuf allows).</summary>
    public bool TryReadUInt64(out ulong value) => TryReadVarint(out value, maxBytes: 10);

    /// <summary>A length-delimited field's bytes (length at most 5 varint bytes, within int and within the data).</summary>
    public bool TryReadBytes(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (!TryReadVarint(out var length, maxBytes: 5) || length > int.MaxValue || length > (ulong)(_data.Length - _pos))
        {
            return false;
        }
        bytes = _data.Slice(_pos, (int)length);
        _pos += (int)length;
        return true;
    }

    /// <summary>A string field of ASCII bytes only (so its UTF-8 decoding is exact and cannot fail).</summary>
    public bool TryReadAscii(out string text)
    {
        text = "";
        if (!TryReadBytes(out var bytes) || !Ascii.IsValid(bytes))
        {
            return false;
        }
        text = bytes.Length == 0 ? "" : Encoding.ASCII.GetString(bytes);
        return true;
    }

    private bool TryReadVarint(out ulong value, int maxBytes)
    {
        value = 0;
        for (var i = 0; i < maxBytes; i++)
        {
            if (_pos >= _data.Length)
            {
                return false;
            }
            var b = _data[_pos++];
            if (i == 9 && b > 1)
            {
                return false; // bits past 64: leave the verdict to the reference parser
            }
            value |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return true;
            }
        }
        return false;
    }
}
