namespace MirrorChain.CosmWasm;

/// <summary>
/// A minimal protobuf wire-format reader for the few messages contracts decode themselves (see
/// <see cref="InstantiateResponse"/>), with Google.Protobuf's limits: 32-bit tags and lengths, varints of at most
/// 10 bytes, groups nested at most 100 deep.
/// </summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> bytes)
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int StartGroup = 3;
    public const int EndGroup = 4;
    public const int Fixed32 = 5;

    private const int MaxGroupDepth = 100;

    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _pos;

    /// <summary>Reads the next tag; false at the end of the input.</summary>
    public bool TryReadTag(out int field, out int wireType)
    {
        if (_pos == _bytes.Length)
        {
            field = 0;
            wireType = 0;
            return false;
        }
        var tag = (uint)ReadVarint();
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        if (field == 0)
        {
            throw new ProtobufDecodeException("Protocol message contained an invalid tag (zero).");
        }
        return true;
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = (int)(uint)ReadVarint();
        if (length < 0)
        {
            throw new ProtobufDecodeException("CodedInputStream encountered an embedded string or message which claimed to have negative size.");
        }
        return Take(length);
    }

    /// <summary>Skips the value of a field whose tag was just read.</summary>
    public void SkipField(int field, int wireType) => Skip(field, wireType, 0);

    private void Skip(int field, int wireType, int depth)
    {
        switch (wireType)
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64:
                Take(8);
                break;
            case LengthDelimited:
                ReadLengthDelimited();
                break;
            case Fixed32:
                Take(4);
                break;
            case StartGroup:
                SkipGroup(field, depth + 1);
                break;
            case EndGroup:
                throw new ProtobufDecodeException("Merge an unknown field of end-group tag, indicating that the corresponding start-group was missing.");
            default:
                throw new ProtobufDecodeException("Protocol message contained a tag with an invalid wire type.");
        }
    }

    private void SkipGroup(int field, int depth)
    {
        if (depth > MaxGroupDepth)
        {
            throw new ProtobufDecodeException("Protocol message had too many levels of nesting.");
        }
        while (TryReadTag(out var inner, out var wireType))
        {
            if (wireType == EndGroup)
            {
                if (inner != field)
                {
                    throw new ProtobufDecodeException("Protocol message end-group tag did not match expected tag.");
                }
                return;
            }
            Skip(inner, wireType, depth);
        }
        throw new ProtobufDecodeException("Protocol message end-group tag did not match expected tag.");
    }

    /// <summary>A varint of at most 10 bytes (values wider than 64 bits keep their low bits, as Google.Protobuf does).</summary>
    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (_pos == _bytes.Length)
            {
                throw Truncated();
            }
            var b = _bytes[_pos++];
            if (shift < 64)
            {
                result |= (ulong)(b & 0x7F) << shift;
            }
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw new ProtobufDecodeException("CodedInputStream encountered a malformed varint.");
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > _bytes.Length - _pos)
        {
            throw Truncated();
        }
        var slice = _bytes.Slice(_pos, length);
        _pos += length;
        return slice;
    }

    private static ProtobufDecodeException Truncated() =>
        new("While parsing a protocol message, the input ended unexpectedly in the middle of a field.");
}
