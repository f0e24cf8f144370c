using Google.Protobuf;

namespace MirrorChain.Abci;

/// <summary>
/// The ABCI socket protocol's framing: each message is an unsigned varint of its length followed by the protobuf
/// bytes (CometBFT abci/types/messages.go <c>WriteMessage</c>/<c>ReadMessage</c>, which use libs/protoio's
/// delimited writer and reader).
/// </summary>
public static class AbciFraming
{
    /// <summary>The largest message accepted: CometBFT's socket client allows 100 MB frames (abci/client/socket_client.go).</summary>
    public const int DefaultMaxMessageBytes = 104_857_600;

    /// <summary>Writes one length-prefixed message.</summary>
    public static void WriteMessage(Stream stream, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(message);
        var size = message.CalculateSize();
        Span<byte> prefix = stackalloc byte[10];
        var n = WriteUvarint(prefix, (ulong)size);
        stream.Write(prefix[..n]);
        message.WriteTo(stream);
    }

    /// <summary>One message's bytes, with its length prefix, as <see cref="WriteMessage"/> writes them.</summary>
    public static byte[] Frame(IMessage message)
    {
        using var ms = new MemoryStream();
        WriteMessage(ms, message);
        return ms.ToArray();
    }

    /// <summary>
    /// Reads one message body. Returns null at a clean end of stream (no byte of a new message read); throws
    /// <see cref="AbciProtocolException"/> for a truncated frame, an over-long varint or a frame over
    /// <paramref name="maxBytes"/>.
    /// </summary>
    public static async ValueTask<byte[]?> ReadMessageAsync(Stream stream, int maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ulong length = 0;
        var shift = 0;
        var one = new byte[1];
        for (var i = 0; ; i++)
        {
            var read = await stream.ReadAsync(one, ct).ConfigureAwait(false);
            if (read == 0)
            {
                return i == 0 ? null : throw new AbciProtocolException("connection closed inside a message length prefix");
            }
            if (i == 9 && one[0] > 1)
            {
                throw new AbciProtocolException("message length prefix overflows 64 bits");
            }
            length |= (ulong)(one[0] & 0x7F) << shift;
            if ((one[0] & 0x80) == 0)
            {
                break;
            }
            shift += 7;
        }
        if (length > (ulong)maxBytes)
        {
            throw new AbciProtocolException($"message of {length} bytes exceeds the limit of {maxBytes} bytes");
        }
        var body = new byte[(int)length];
        var offset = 0;
        while (offset < body.Length)
        {
            var read = await stream.ReadAsync(body.AsMemory(offset), ct).ConfigureAwait(false);
            if (read == 0)
            {
                throw new AbciProtocolException($"connection closed after {offset} of {body.Length} message bytes");
            }
            offset += read;
        }
        return body;
    }

    internal static int WriteUvarint(Span<byte> buffer, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            buffer[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[i++] = (byte)value;
        return i;
    }
}
