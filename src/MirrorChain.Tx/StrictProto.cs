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
        T message;
        T withoutUnknown;
        try
        {
            message = parser.ParseFrom(bytes);
            withoutUnknown = parser.WithDiscardUnknownFields(true).ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw SdkError.TxDecode.Wrap($"failed to decode {name}: {e.Message}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw SdkError.TxDecode.Wrap($"failed to decode {name}: {e.Message}");
        }
        // Unknown fields are kept by the normal parse and contribute to the size; the discarding parse drops
        // them at every nesting level, so a size difference means some unknown field was present.
        if (message.CalculateSize() != withoutUnknown.CalculateSize())
        {
            throw SdkError.TxDecode.Wrap($"unknown field in {name}");
        }
        return message;
    }
}
