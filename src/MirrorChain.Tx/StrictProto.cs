using Google.Protobuf;
using MirrorChain.Core;

namespace MirrorChain.Tx;

/// <summary>
/// Protobuf parsing that fails with code 2 (tx parse error), never another exception type, and that rejects
/// unknown fields at any depth as the SDK's RejectUnknownFields does (so every signed byte has a meaning).
/// </summary>
public static class StrictProto
{
    public static T Parse<T>(MessageParser<T> parser, ReadOnlySpan<byte> bytes, string name)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(parser);
        var message = ParseOrThrow(parser, bytes, name);
        // Fast path: one walk over the wire bytes that proves every tag is a field the parsed message knows.
        if (KnownFieldScan.IsClean(bytes, message.Descriptor))
        {
            return message;
        }
        // The scan found something (an unknown field, or anything it does not model): decide as always. Unknown
        // fields are kept by the normal parse and contribute to the size; the discarding parse drops them at every
        // nesting level, so a size difference means some unknown field was present.
        var withoutUnknown = ParseOrThrow(parser.WithDiscardUnknownFields(true), bytes, name);
        if (message.CalculateSize() != withoutUnknown.CalculateSize())
        {
            throw SdkError.TxDecode.Wrap($"unknown field in {name}");
        }
        return message;
    }

    private static T ParseOrThrow<T>(MessageParser<T> parser, ReadOnlySpan<byte> bytes, string name)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw SdkError.TxDecode.Wrap($"failed to decode {name}: {e.Message}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw SdkError.TxDecode.Wrap($"failed to decode {name}: {e.Message}");
        }
    }
}
