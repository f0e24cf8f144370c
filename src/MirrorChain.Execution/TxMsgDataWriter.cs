using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace MirrorChain.Execution;

/// <summary>
/// A tx result's <c>data</c>: TxMsgData{msg_responses = 2: repeated Any{type_url = 1, value = 2}} written straight
/// into one array, byte for byte what the protobuf serializer gives for the generated TxMsgData (fields in order,
/// empty strings and bytes left out).
/// </summary>
internal static class TxMsgDataWriter
{
    public static byte[] Write(IReadOnlyList<Any> responses)
    {
        var size = 0;
        foreach (var any in responses)
        {
            size += FieldSize(AnySize(any));
        }
        var bytes = new byte[size];
        var pos = 0;
        foreach (var any in responses)
        {
            pos = WriteHeader(bytes, pos, 2, AnySize(any));
            var typeUrl = Encoding.UTF8.GetByteCount(any.TypeUrl);
            if (typeUrl > 0)
            {
                pos = WriteHeader(bytes, pos, 1, typeUrl);
                pos += Encoding.UTF8.GetBytes(any.TypeUrl, bytes.AsSpan(pos));
            }
            if (any.Value.Length > 0)
            {
                pos = WriteHeader(bytes, pos, 2, any.Value.Length);
                any.Value.Span.CopyTo(bytes.AsSpan(pos));
                pos += any.Value.Length;
            }
        }
        return pos == bytes.Length ? bytes : throw new InvalidOperationException("TxMsgData size mismatch");
    }

    private static int AnySize(Any any)
    {
        var typeUrl = Encoding.UTF8.GetByteCount(any.TypeUrl);
        return (typeUrl > 0 ? FieldSize(typeUrl) : 0) + (any.Value.Length > 0 ? FieldSize(any.Value.Length) : 0);
    }

    /// <summary>Tag (field numbers below 16: one byte) + length + payload; a repeated message is written even when empty.</summary>
    private static int FieldSize(int length) => 1 + CodedOutputStream.ComputeLengthSize(length) + length;

    private static int WriteHeader(byte[] bytes, int pos, int field, int length)
    {
        bytes[pos++] = (byte)((field << 3) | 2);
        var value = (uint)length;
        while (value >= 0x80)
        {
            bytes[pos++] = (byte)(value | 0x80);
            value >>= 7;
        }
        bytes[pos++] = (byte)value;
        return pos;
    }
}
