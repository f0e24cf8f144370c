using System.Collections.Concurrent;
using Google.Protobuf.Reflection;

namespace MirrorChain.Tx;

/// <summary>
/// The fast half of <see cref="StrictProto"/>'s unknown-field check: walks the wire bytes of a message that already
/// parsed and answers true only when every tag, at every depth the generated parser tracks unknown fields, is a field
/// of the message with a wire type its generated parser accepts (so the parse kept no unknown field). Anything else
/// (an unknown number, a wrong wire type, groups, a length that does not fit) answers false and leaves the verdict to
/// the exact check (parse again discarding unknown fields, compare sizes), so the result never differs from it.
/// </summary>
internal static class KnownFieldScan
{
    private const int WireVarint = 0;
    private const int WireFixed64 = 1;
    private const int WireLengthDelimited = 2;
    private const int WireFixed32 = 5;

    private static readonly ConcurrentDictionary<MessageDescriptor, Shape> Shapes = new();

    public static bool IsClean(ReadOnlySpan<byte> data, MessageDescriptor descriptor)
    {
        var shape = Shapes.GetOrAdd(descriptor, static d => new Shape(d));
        var pos = 0;
        while (pos < data.Length)
        {
            if (!TryReadVarint(data, ref pos, out var tag))
            {
                return false;
            }
            var wire = (int)(tag & 7);
            if (!shape.TryGet(tag >> 3, out var field) || (field.WireTypes & (1 << wire)) == 0)
            {
                return false;
            }
            switch (wire)
            {
                case WireVarint:
                    if (!TryReadVarint(data, ref pos, out _))
                    {
                        return false;
                    }
                    break;
                case WireFixed64:
                    pos += 8;
                    break;
                case WireFixed32:
                    pos += 4;
                    break;
                case WireLengthDelimited:
                    if (!TryReadVarint(data, ref pos, out var length) || length > (ulong)(data.Length - pos))
                    {
                        return false;
                    }
                    if (field.Nested is { } nested && !IsClean(data.Slice(pos, (int)length), nested))
                    {
                        return false;
                    }
                    pos += (int)length;
                    break;
                default:
                    return false;
            }
            if (pos > data.Length)
            {
                return false;
            }
        }
        return true;
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> data, ref int pos, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length)
            {
                return false;
            }
            var b = data[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }
        return false;
    }

    /// <param name="WireTypes">Bit per wire type the generated parser matches for this field number.</param>
    /// <param name="Nested">The message type to walk into (null: not a message, or a map whose entries the parser
    /// reads without keeping unknown fields).</param>
    private readonly record struct Field(int WireTypes, MessageDescriptor? Nested);

    /// <summary>A message type's fields by number (a descriptor with anything unmodelled gets no fields: never clean).</summary>
    private sealed class Shape
    {
        private readonly Dictionary<ulong, Field> _fields = [];

        public Shape(MessageDescriptor descriptor)
        {
            foreach (var f in descriptor.Fields.InFieldNumberOrder())
            {
                if (ScalarWireType(f.FieldType) is not { } wire)
                {
                    _fields.Clear(); // groups: leave the whole type to the exact check
                    return;
                }
                var types = 1 << wire;
                if (f.IsRepeated && wire != WireLengthDelimited)
                {
                    types |= 1 << WireLengthDelimited; // packed or not, the generated parser takes both
                }
                var nested = f.FieldType == FieldType.Message && !f.IsMap ? f.MessageType : null;
                _fields[(ulong)f.FieldNumber] = new Field(types, nested);
            }
        }

        public bool TryGet(ulong number, out Field field) => _fields.TryGetValue(number, out field);

        private static int? ScalarWireType(FieldType type) => type switch
        {
            FieldType.Double or FieldType.Fixed64 or FieldType.SFixed64 => WireFixed64,
            FieldType.Float or FieldType.Fixed32 or FieldType.SFixed32 => WireFixed32,
            FieldType.Int32 or FieldType.Int64 or FieldType.UInt32 or FieldType.UInt64 or FieldType.SInt32
                or FieldType.SInt64 or FieldType.Bool or FieldType.Enum => WireVarint,
            FieldType.String or FieldType.Bytes or FieldType.Message => WireLengthDelimited,
            _ => null,
        };
    }
}
